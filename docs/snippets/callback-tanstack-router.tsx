import { CallbackHandler, UploadProvider, UploadQueue } from "@twentythree-upload/react";
import {
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
  useLocation,
} from "@tanstack/react-router";
import { useState } from "react";

// The route at return_url. TanStack Router watches history.replaceState, so read the raw query
// once: when CallbackHandler removes TwentyThree's parameters from the address bar, the route
// re-renders with the cleaned URL, and a live `search` would then read as "not a callback".
function UploadCallbackPage() {
  const searchStr = useLocation({ select: (location) => location.searchStr });
  const [search] = useState(searchStr);
  return (
    <CallbackHandler
      search={search}
      onSuccess={(result, { verified }) => console.log("stored video", result.photoId, verified)}
      onError={(error, result) => console.warn(error.code, result?.errorMessage)}
    />
  );
}

const rootRoute = createRootRoute({ component: Outlet });
const routeTree = rootRoute.addChildren([
  createRoute({
    getParentRoute: () => rootRoute,
    path: "/",
    component: () => <UploadQueue accept="video/*" />,
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: "/upload/callback",
    component: UploadCallbackPage,
  }),
]);
const router = createRouter({ routeTree });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}

export function App() {
  return (
    <UploadProvider site="videos.example.com" token="/api/upload-token">
      <RouterProvider router={router} />
    </UploadProvider>
  );
}
