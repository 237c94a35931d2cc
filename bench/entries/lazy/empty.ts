// The empty module that entries/vite-preload-helper.ts loads on demand.
export const empty = true;
