// Context for the weight figures: what Vite adds to an app build for its first dynamic import()
// (its preload helper, even with nothing to preload: vitejs/vite#13952), measured as one
// import() of an empty module. Apps with lazy routes ship it already.
export const load = () => import("./lazy/empty.js");
