import { version } from "react";
import { version as domVersion } from "react-dom";
import { expect, it } from "vitest";

// The same browser tests run twice: against React 19 (`browser`) and React 18 (`browser-react18`).
it("runs against the React version of its project", ({ task }) => {
  const expected = (task.file.projectName ?? "").startsWith("browser-react18") ? "18." : "19.";
  expect(version.startsWith(expected)).toBe(true);
  expect(domVersion.startsWith(expected)).toBe(true);
});
