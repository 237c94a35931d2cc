export { CORE_VERSION } from "./version.js";
