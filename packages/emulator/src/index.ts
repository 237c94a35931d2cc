export { createEmulator, type Emulator } from "./createEmulator.js";
export {
  DEFAULT_BEARER_TOKEN,
  DEFAULT_CREDENTIALS,
  DEFAULT_REFUSE_TYPES,
  type EmulatorCredentials,
  type EmulatorOptions,
  type ResolvedOptions,
} from "./emulatorOptions.js";
export type { RequestHandler } from "./handleRequest.js";
export { TOKEN_ERROR_MESSAGES } from "./redeemOutcome.js";
export {
  createEmulatorClient,
  EmulatorClientError,
  type ApiParamsInput,
  type EmulatorClient,
  type EmulatorClientInit,
  type SpawnedEmulatorClient,
} from "./client.js";
export type * from "./controlTypes.js";
