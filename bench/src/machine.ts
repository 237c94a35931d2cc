// Describes the machine for the results: the numbers mean little without it.
import { readFileSync } from "node:fs";
import os from "node:os";
import type { MachineInfo } from "./results.js";

function cpuModel(): string {
  try {
    const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
    const line = cpuinfo.split("\n").find((candidate) => candidate.startsWith("model name"));
    const model = line?.split(":").slice(1).join(":").trim();
    if (model) {
      return model;
    }
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return os.cpus()[0]?.model ?? "unknown";
}

/** Reads the CPU model, core count, memory and versions. Chromium's is filled in later. */
export function describeMachine(): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    chromium: "not launched",
    loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
    shared: true,
    note: "A shared virtual machine: other jobs ran on the same cores, so absolute times are noise; compare ratios from the same run.",
  };
}
