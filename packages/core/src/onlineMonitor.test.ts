import { afterEach, describe, expect, it, vi } from "vitest";
import { createOnlineMonitor } from "./onlineMonitor.js";

function fakeBrowser(onLine: boolean) {
  const target = new EventTarget();
  const navigator = { onLine };
  vi.stubGlobal("window", target);
  vi.stubGlobal("navigator", navigator);
  const go = (online: boolean) => {
    navigator.onLine = online;
    target.dispatchEvent(new Event(online ? "online" : "offline"));
  };
  return { target, navigator, go };
}

describe("createOnlineMonitor", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("counts as online when there is no browser (Node, SSR) and touches nothing", () => {
    vi.stubGlobal("window", undefined);
    vi.stubGlobal("navigator", undefined);
    const onChange = vi.fn();
    const monitor = createOnlineMonitor(onChange);
    monitor.start();
    expect(monitor.isOnline()).toBe(true);
    monitor.stop();
    expect(onChange).not.toHaveBeenCalled();
  });

  it("follows offline and online events once started, and not after stop", () => {
    const { go } = fakeBrowser(true);
    const onChange = vi.fn();
    const monitor = createOnlineMonitor(onChange);
    go(false);
    expect(onChange).not.toHaveBeenCalled(); // not started: no listeners
    go(true);
    monitor.start();
    go(false);
    go(false);
    go(true);
    expect(onChange.mock.calls).toEqual([[false], [true]]);
    monitor.stop();
    go(false);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it("reports a change it reads before the event arrives", () => {
    const { navigator } = fakeBrowser(true);
    const onChange = vi.fn();
    const monitor = createOnlineMonitor(onChange);
    navigator.onLine = false;
    expect(monitor.isOnline()).toBe(false);
    expect(onChange).toHaveBeenCalledExactlyOnceWith(false);
  });
});
