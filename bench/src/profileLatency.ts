// `pnpm --filter @twentythree-upload/bench profile:latency [mode] [samples]` (mode: ours-form,
// ours-prefetch, ours-fetch, bare-prefetch …; TIMELINE=1 prints the first frames of each sample):
// where the start latency's main-thread time goes. Builds the latency page unminified, picks a
// file the way the latency suite does, records a V8 CPU profile (CDP, 50 µs sampling), and sums
// self time per function from the first sample in the page's own code to the upload's send().
// The profiler slows the page: read the shares and the order, not the absolute times.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createEmulator } from "@twentythree-upload/emulator";
import { callPage, launchBrowser, openBenchPage } from "./browser.js";
import { buildPages } from "./buildPages.js";
import { startStaticServer } from "./staticServer.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const mode = process.argv[2] ?? "ours-form";
const count = Number(process.argv[3] ?? 5);
const page = mode === "ours-form" ? "latency-form" : "latency";
const outDir = await mkdtemp(path.join(os.tmpdir(), "tt-profile-"));
const build = (await buildPages([page], outDir, { minify: false })).get(page);
if (build?.error) {
  throw new Error(`bench/pages/${page} did not build: ${build.error}`);
}
const emulator = await createEmulator({ quiet: true });
const server = await startStaticServer(outDir);
const browser = await launchBrowser();
const self = new Map<string, number>();
const toSend: number[] = [];
try {
  for (let sample = 0; sample < count; sample += 1) {
    const url = `${server.url}/${page}/index.html?emulator=${encodeURIComponent(emulator.url)}&mode=${mode}`;
    const tab = await openBenchPage(browser, url);
    try {
      await callPage(tab.page, "prepare");
      await tab.cdp.send("Profiler.enable");
      await tab.cdp.send("Profiler.setSamplingInterval", { interval: 50 });
      await tab.cdp.send("Profiler.start");
      await tab.page.setInputFiles('input[type="file"]', {
        name: "clip.mp4",
        mimeType: "video/mp4",
        buffer: Buffer.alloc(1024 * 1024, 7),
      });
      const { changeAt, sendAt } = await callPage<{ changeAt: number; sendAt: number }>(
        tab.page,
        "result",
      );
      const { profile } = (await tab.cdp.send("Profiler.stop")) as { profile: Profile };
      toSend.push(sendAt - changeAt);
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      const parent = new Map<number, number>();
      for (const node of profile.nodes) {
        for (const child of node.children ?? []) {
          parent.set(child, node.id);
        }
      }
      const stackOf = (id: number): ProfileNode[] => {
        const stack: ProfileNode[] = [];
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
          const node = byId.get(at);
          if (node) {
            stack.push(node);
          }
        }
        return stack;
      };
      const ours = (node: ProfileNode) => node.callFrame.url.includes("/assets/");
      // The window: from the first sample inside the page's own change listener (a frame of
      // the bundle under Playwright's dispatch) to the first sample inside XHR send().
      let inWindow = false;
      let elapsed = 0;
      const timeline: string[] = [];
      profile.samples.forEach((id, index) => {
        const delta = (profile.timeDeltas[index + 1] ?? 0) / 1000;
        const stack = stackOf(id);
        if (!inWindow && stack.some(ours)) {
          inWindow = true;
        }
        if (!inWindow) {
          return;
        }
        const top = stack[0];
        if (!top || elapsed < 0) {
          return;
        }
        if (top.callFrame.functionName === "send" && stack.some(ours)) {
          elapsed = -1;
          return;
        }
        elapsed += delta;
        const file = top.callFrame.url.split("/").pop() ?? "";
        const key = `${top.callFrame.functionName || "(anonymous)"} ${file}:${top.callFrame.lineNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + delta);
        const path = stack
          .filter(ours)
          .slice(0, 4)
          .map((node) => node.callFrame.functionName || "anon")
          .join("<");
        const line = `${top.callFrame.functionName || "(anon)"} [${path}]`;
        if (timeline.at(-1)?.endsWith(line)) {
          timeline[timeline.length - 1] = timeline.at(-1) as string;
        } else {
          timeline.push(`${elapsed.toFixed(2)} ${line}`);
        }
      });
      if (process.env.TIMELINE) {
        console.log(
          `--- sample ${sample + 1}: ${(sendAt - changeAt).toFixed(1)} ms\n${timeline.join("\n")}`,
        );
      }
    } finally {
      await tab.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  await emulator.close();
}
const sorted = [...toSend].sort((a, b) => a - b);
console.log(
  `${mode}: send() after change, ms: ${sorted.map((value) => value.toFixed(1)).join(" ")}`,
);
console.log(`self time per function, ms summed over ${count} samples (change listener to send()):`);
for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
  console.log(`${ms.toFixed(2).padStart(8)}  ${key}`);
}
