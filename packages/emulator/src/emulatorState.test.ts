import { describe, expect, it } from "vitest";
import { EmulatorState } from "./emulatorState.js";
import { buildToken } from "./tokenParams.js";

describe("token validity over time (pure logic, no clock)", () => {
  it("is valid until valid_until, then expired; used up is consumed; deleted is invalid", () => {
    const state = new EmulatorState();
    const built = buildToken(
      state,
      "legacy",
      new Map([
        ["valid_minutes", "15"],
        ["max_uploads", "2"],
      ]),
      "write",
    );
    if (!built.ok) throw new Error(built.error.message);
    const token = built.token;
    state.tokens.set(token.uploadToken, token);
    const until = token.validUntil * 1000;
    expect(state.tokenState(token, until - 1)).toBe("valid");
    expect(state.tokenState(token, until)).toBe("expired");
    token.uploadsUsed = 1;
    expect(state.tokenState(token, until - 1)).toBe("valid");
    token.uploadsUsed = 2;
    expect(state.tokenState(token, until - 1)).toBe("consumed");
    expect(state.tokenProblem(token.uploadToken)).toBe("consumed");
    token.deleted = true;
    expect(state.tokenProblem(token.uploadToken)).toBe("invalid");
    expect(state.tokenProblem("unknown")).toBe("invalid");
  });
});
