// The docs' unit-test sample (docs/guides/testing-with-emulator.md) runs as a test, so the page
// cannot show a test that no longer passes.
import "../../docs/snippets/testing-unit.js";
