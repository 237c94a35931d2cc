// The iframe fallback's return_url: .storybook/public/upload-callback.html, served on the stories'
// own origin (Storybook's staticDirs, also under the Vitest storybook project).

/**
 * Its absolute URL. Storybook builds use a relative base (`./`, so a static build works from any
 * folder); the dev server and the test run serve from the origin's root (`/`).
 */
export function callbackPageUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}upload-callback.html`, window.location.href).href;
}
