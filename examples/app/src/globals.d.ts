// Compile-time constants from vite.config.ts `define` (public values only).

/** The TwentyThree site uploads go to, e.g. `http://127.0.0.1:8023` (the emulator). */
declare const __TWENTYTHREE_SITE__: string;
/** `"legacy"` or `"v2"`. */
declare const __TWENTYTHREE_API__: string;
