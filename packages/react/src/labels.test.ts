import { describe, expect, it } from "vitest";
import { danishLabels } from "./danishLabels.js";
import { englishCallbackLabels } from "./englishCallbackLabels.js";
import { englishCustomUiLabels } from "./englishCustomUiLabels.js";
import { englishFormLabels } from "./englishFormLabels.js";
import { englishLabels } from "./englishLabels.js";
import { englishQueueLabels } from "./englishQueueLabels.js";
import { formatDuration, formatFileSize, formatSpeed } from "./formatting.js";

describe("labels", () => {
  it("ships English and Danish with the same keys, every string non-empty", () => {
    expect(Object.keys(danishLabels).sort()).toEqual(Object.keys(englishLabels).sort());
    for (const labels of [englishLabels, danishLabels]) {
      for (const [key, value] of Object.entries(labels)) {
        const sample =
          typeof value === "function"
            ? (value as (...args: unknown[]) => string)("clip.mov", {
                code: "too-large",
                message: "m",
              })
            : value;
        expect(sample, key).toBeTruthy();
      }
    }
  });

  it("builds englishLabels from the components' English, each key the same in every part", () => {
    const parts = [
      englishFormLabels,
      englishQueueLabels,
      englishCallbackLabels,
      englishCustomUiLabels,
    ];
    const keys = new Set(parts.flatMap((part) => Object.keys(part)));
    expect([...keys].sort()).toEqual(Object.keys(englishLabels).sort());
    for (const part of parts) {
      for (const [key, value] of Object.entries(part)) {
        expect(value, key).toBe(englishLabels[key as keyof typeof englishLabels]);
      }
    }
  });

  it("says things in Danish", () => {
    expect(danishLabels.announceSucceeded(["klip.mov"])).toBe("klip.mov er uploadet");
    expect(danishLabels.announceSucceeded(["a", "b"])).toBe("2 filer er uploadet");
    expect(danishLabels.rejection("x", { code: "too-large", message: "x is 3 GB" })).toBe(
      "Filen er for stor.",
    );
    expect(danishLabels.announceRetrying?.(["klip.mov"])).toBe(
      "klip.mov mislykkedes; prøver igen om lidt",
    );
    expect(danishLabels.announcePaused?.(["a", "b"])).toBe(
      "Offline: 2 filer er sat på pause, til forbindelsen er tilbage",
    );
    expect(danishLabels.rejection("x", { code: "duplicate", message: "x is already…" })).toBe(
      "Filen er allerede i køen.",
    );
    expect(englishLabels.totalSummary(1, 1)).toBe("1 of 1 file uploaded");
  });

  it("formats sizes, speeds and durations for the locale", () => {
    expect(formatFileSize(4_200_000, "en")).toBe("4.2 MB");
    expect(formatFileSize(4_200_000, "da")).toBe("4,2 MB");
    expect(formatFileSize(0, "en")).toBe("0 byte");
    expect(formatFileSize(2_000_000_000, "en")).toBe("2 GB");
    expect(formatSpeed(2_100_000, "en")).toBe("2.1 MB/s");
    expect(formatDuration(0.2, "en")).toBe("1 sec");
    expect(formatDuration(190, "en")).toBe("4 min");
  });
});
