import { createEmulatorClient } from "@twentythree-upload/emulator/client";
import { focusManager, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, useState } from "react";
import { describe, expect, inject, it, vi } from "vitest";
import { render } from "vitest-browser-react";
import {
  createMockTokenSource,
  TokenRequestError,
  useUploadToken,
  type TokenSource,
  type UploadMeta,
  type UploadTokenState,
  type UseUploadTokenOptions,
} from "./index.js";

/** Renders a hook's state into the DOM and hands the latest state to the test. */
function probe() {
  const latest: { state: UploadTokenState | null } = { state: null };
  function Probe(props: { meta: UploadMeta; options: UseUploadTokenOptions; label: string }) {
    const state = useUploadToken(props.meta, props.options);
    latest.state = state;
    return (
      <p data-label={props.label} data-status={state.status}>
        {state.token?.uploadToken ?? ""}
      </p>
    );
  }
  return { Probe, latest };
}

const textOf = (container: HTMLElement, label: string) =>
  container.querySelector(`[data-label="${label}"]`)?.textContent ?? "";

describe("useUploadToken", () => {
  it("makes one request per distinct meta, across components and under StrictMode, without a provider", async () => {
    const source = createMockTokenSource();
    const { Probe } = probe();
    const screen = await render(
      <StrictMode>
        <Probe label="a1" meta={{ title: "A" }} options={{ token: source }} />
        <Probe label="a2" meta={{ title: "A" }} options={{ token: source }} />
        <Probe label="b" meta={{ title: "B" }} options={{ token: source }} />
      </StrictMode>,
    );
    await expect.poll(() => textOf(screen.container, "b")).not.toBe("");
    await expect.poll(() => textOf(screen.container, "a1")).not.toBe("");
    expect(textOf(screen.container, "a2")).toBe(textOf(screen.container, "a1"));
    expect(source.requests.map((request) => request.title).sort()).toEqual(["A", "B"]);
  });

  it("gets a real token from a token endpoint URL, through the app's QueryClientProvider", async () => {
    const emulator = createEmulatorClient(inject("emulatorUrl"));
    const client = new QueryClient();
    const { Probe } = probe();
    const url = emulator.tokenUrl({ valid_minutes: 30 });
    const screen = await render(
      <QueryClientProvider client={client}>
        <Probe label="real" meta={{ title: "From the endpoint" }} options={{ token: url }} />
      </QueryClientProvider>,
    );
    await expect.poll(() => textOf(screen.container, "real")).not.toBe("");
    const record = await emulator.token(textOf(screen.container, "real"));
    expect(record).toMatchObject({ title: "From the endpoint", state: "valid", validMinutes: 30 });
    expect(client.getQueryCache().findAll({ queryKey: ["twentythree-upload"] })).toHaveLength(1);
  });

  it("defers the request while disabled", async () => {
    const source = createMockTokenSource();
    const { Probe } = probe();
    function Toggle() {
      const [enabled, setEnabled] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setEnabled(true)}>
            enable
          </button>
          <Probe label="deferred" meta={{ title: "D" }} options={{ token: source, enabled }} />
        </>
      );
    }
    const screen = await render(<Toggle />);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(source.requests).toHaveLength(0);
    await screen.getByRole("button", { name: "enable" }).click();
    await expect.poll(() => textOf(screen.container, "deferred")).not.toBe("");
    expect(source.requests).toHaveLength(1);
  });

  it("never returns a consumed token again and fetches a fresh one after invalidate()", async () => {
    const source = createMockTokenSource();
    const { Probe, latest } = probe();
    const screen = await render(
      <Probe label="c" meta={{ title: "C" }} options={{ token: source }} />,
    );
    await expect.poll(() => textOf(screen.container, "c")).not.toBe("");
    const first = textOf(screen.container, "c");
    latest.state?.invalidate();
    await expect.poll(() => textOf(screen.container, "c")).not.toBe(first);
    expect(textOf(screen.container, "c")).not.toBe("");
    expect(source.tokens.map((token) => token.uploadToken)).toContain(first);
    expect(source.requests).toHaveLength(2);
  });

  it("asks an inline token function once across re-renders, and calls the latest one", async () => {
    const first = createMockTokenSource();
    const second = createMockTokenSource({ validMinutes: 90 });
    const { Probe, latest } = probe();
    // A new arrow on every render, as `token={(request, context) => …}` in JSX gives.
    const view = (mock: typeof first) => (
      <Probe
        label="inline"
        meta={{ title: "Inline" }}
        options={{ token: (request, context) => mock(request, context) }}
      />
    );
    const screen = await render(view(first));
    await expect.poll(() => textOf(screen.container, "inline")).not.toBe("");
    const token = textOf(screen.container, "inline");
    for (let count = 0; count < 5; count += 1) {
      await screen.rerender(view(first));
    }
    // A token request starts right after the render that needs it: give it a task to show up.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(textOf(screen.container, "inline")).toBe(token);
    expect(first.requests).toHaveLength(1);

    // The latest function is the one called when a fresh token is due.
    await screen.rerender(view(second));
    latest.state?.invalidate();
    // (Both mocks number their tokens from 1; the second one's tokens are valid for 90 minutes.)
    await expect.poll(() => latest.state?.token?.validMinutes).toBe(90);
    expect(second.requests).toHaveLength(1);
    expect(first.requests).toHaveLength(1);
  });

  it("refetches in the background before valid_until", async () => {
    let issued = 0;
    const shortLived: TokenSource = async () => {
      issued += 1;
      return {
        upload_token: `short-${issued}`,
        valid_until: String(Math.floor(Date.now() / 1000) + 3),
        valid_minutes: "15",
        max_uploads: "1",
      };
    };
    const { Probe } = probe();
    const screen = await render(
      <Probe label="s" meta={{}} options={{ token: shortLived, refreshMarginMs: 2000 }} />,
    );
    await expect.poll(() => textOf(screen.container, "s")).toBe("short-1");
    await expect.poll(() => textOf(screen.container, "s"), { timeout: 10_000 }).toBe("short-2");
  });

  it("asks again within seconds when the refresh of a long-lived token fails once", async () => {
    vi.useFakeTimers({
      toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"],
    });
    try {
      let calls = 0;
      // A 15-minute token; its refresh (due a minute before expiry) fails once, then works.
      const flaky: TokenSource = async () => {
        calls += 1;
        if (calls === 2) {
          throw new TokenRequestError("token_endpoint_error", "Refused", { status: 400 });
        }
        return {
          upload_token: `token-${calls}`,
          valid_until: String(Math.floor(Date.now() / 1000) + 15 * 60),
          valid_minutes: "15",
          max_uploads: "1",
        };
      };
      const { Probe, latest } = probe();
      await render(
        <QueryClientProvider client={new QueryClient()}>
          <Probe label="f" meta={{}} options={{ token: flaky }} />
        </QueryClientProvider>,
      );
      await vi.advanceTimersByTimeAsync(2000);
      expect(latest.state?.token?.uploadToken).toBe("token-1");
      // Up to the refresh, which fails.
      await vi.advanceTimersByTimeAsync(13 * 60_000);
      for (let step = 0; step < 120 && calls < 2; step += 1) {
        await vi.advanceTimersByTimeAsync(1000);
      }
      expect(calls).toBe(2);
      expect(latest.state?.status).toBe("error");
      // A few seconds later the endpoint is asked again (not after the 5-minute cap) and works.
      await vi.advanceTimersByTimeAsync(5000);
      expect(calls).toBe(3);
      await expect.poll(() => latest.state?.token?.uploadToken).toBe("token-3");
    } finally {
      vi.useRealTimers();
    }
  });

  it("backs off a failing refresh (at most every 5 minutes), says so, and stops while the page is hidden", async () => {
    vi.useFakeTimers({
      toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"],
    });
    try {
      let calls = 0;
      // One short-lived token, then an endpoint that refuses (a 400: not retried within a fetch).
      const failing: TokenSource = async () => {
        calls += 1;
        if (calls > 1) {
          throw new TokenRequestError("token_endpoint_error", "Refused", { status: 400 });
        }
        return {
          upload_token: "only-one",
          valid_until: String(Math.floor(Date.now() / 1000) + 10),
          valid_minutes: "15",
          max_uploads: "1",
        };
      };
      const { Probe, latest } = probe();
      await render(
        <QueryClientProvider client={new QueryClient()}>
          <Probe label="f" meta={{}} options={{ token: failing, refreshMarginMs: 1000 }} />
        </QueryClientProvider>,
      );
      // Fake time in steps; stops early once the endpoint was asked far too often.
      const advance = async (ms: number) => {
        for (let elapsed = 0; elapsed < ms && calls < 50; elapsed += 10_000) {
          await vi.advanceTimersByTimeAsync(Math.min(10_000, ms - elapsed));
        }
      };
      await advance(2000);
      expect(latest.state?.token?.uploadToken).toBe("only-one");
      expect(calls).toBe(1);

      // Half an hour of a failing endpoint: every second would be 1,800 requests.
      await advance(30 * 60_000);
      expect(calls).toBeGreaterThan(5);
      expect(calls).toBeLessThan(20);
      expect(latest.state?.status).toBe("error");
      expect(latest.state?.error).toMatchObject({ code: "token_endpoint_error", status: 400 });
      expect(latest.state?.token).toBeNull();

      // A hidden tab asks nothing; shown again, it asks once at once.
      focusManager.setFocused(false);
      const whileVisible = calls;
      await advance(30 * 60_000);
      expect(calls).toBe(whileVisible);
      focusManager.setFocused(true);
      await advance(1000);
      expect(calls).toBe(whileVisible + 1);
    } finally {
      focusManager.setFocused(undefined);
      vi.useRealTimers();
    }
  });

  it("gives up on a token function that never answers, after timeoutMs, with a typed error", async () => {
    let calls = 0;
    const never: TokenSource = () => {
      calls += 1;
      return new Promise(() => {});
    };
    const { Probe, latest } = probe();
    const screen = await render(
      <Probe label="hung" meta={{ title: "Hung" }} options={{ token: never, timeoutMs: 50 }} />,
    );
    // Retried twice like a network failure (TanStack Query's backoff: 1 s, then 2 s).
    await expect
      .poll(
        () => screen.container.querySelector("[data-label=hung]")?.getAttribute("data-status"),
        {
          timeout: 15_000,
        },
      )
      .toBe("error");
    expect(latest.state?.error).toBeInstanceOf(TokenRequestError);
    expect((latest.state?.error as TokenRequestError).status).toBeNull();
    expect(latest.state?.error?.message).toContain("did not answer within 0.05 s");
    expect(calls).toBe(3);
  });

  it("reports a refused token request as a typed error", async () => {
    const emulator = await createEmulatorClient(inject("emulatorUrl")).spawn();
    try {
      await emulator.addFault({ endpoint: "token", status: 403, message: "Not signed in" });
      const { Probe, latest } = probe();
      const screen = await render(
        <Probe label="e" meta={{ title: "E" }} options={{ token: emulator.tokenUrl() }} />,
      );
      await expect
        .poll(() => screen.container.querySelector('[data-label="e"]')?.getAttribute("data-status"))
        .toBe("error");
      expect(latest.state?.error).toBeInstanceOf(TokenRequestError);
      expect(latest.state?.error).toMatchObject({ code: "token_endpoint_error", status: 403 });
      expect(latest.state?.token).toBeNull();
    } finally {
      await emulator.close();
    }
  });
});
