// Browser- and Node-safe client for the emulator's control API (issue 3).
export const CONTROL_PREFIX = "/__emulator";
