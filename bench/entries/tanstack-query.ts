// Context for ours: what @tanstack/react-query (a peer dependency of @twentythree-upload/react,
// external in the weight figures) costs an app that does not use it yet.
export { QueryClient, QueryClientContext, useQuery } from "@tanstack/react-query";
