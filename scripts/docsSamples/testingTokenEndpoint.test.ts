// The docs' token-endpoint test sample (docs/guides/testing-with-emulator.md) runs as a test
// against its own emulator, so the page cannot show a test that no longer passes.
import "../../docs/snippets/testing-token-endpoint.js";
