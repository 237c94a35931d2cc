/** The version of `@twentythree-upload/core`. */
export const CORE_VERSION = "0.1.0";
