import { UploadProvider } from "@twentythree-upload/react";
import { BrowserRouter, NavLink, Route, Routes } from "react-router";
import { CallbackPage } from "./pages/CallbackPage.js";
import { FormPage } from "./pages/FormPage.js";
import { QueuePage } from "./pages/QueuePage.js";
import { SessionUploaderProvider } from "./SessionUploaderProvider.js";
import { API_VERSION, SITE, TOKEN_ENDPOINT } from "./siteSettings.js";

/** The example: site and token endpoint for every component, a shared queue, three routes. */
export function App() {
  return (
    <UploadProvider site={SITE} apiVersion={API_VERSION} token={TOKEN_ENDPOINT}>
      <SessionUploaderProvider>
        <BrowserRouter>
          <header>
            <h1>twentythree-upload example</h1>
            <nav aria-label="Pages">
              <NavLink to="/" end>
                Single upload
              </NavLink>
              <NavLink to="/queue">Upload queue</NavLink>
              <NavLink to="/upload/callback">Results</NavLink>
            </nav>
          </header>
          <main>
            <Routes>
              <Route path="/" element={<FormPage />} />
              <Route path="/queue" element={<QueuePage />} />
              <Route path="/upload/callback" element={<CallbackPage />} />
            </Routes>
          </main>
          <footer>
            Uploading to <code>{SITE}</code> ({API_VERSION} API)
          </footer>
        </BrowserRouter>
      </SessionUploaderProvider>
    </UploadProvider>
  );
}
