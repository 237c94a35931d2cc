import { describe, expect, it } from "vitest";
import { formatBytes } from "./formatBytes.js";
import { validateFiles } from "./validateFiles.js";

const file = (name: string, size: number, type = "") =>
  new File([new Uint8Array(size)], name, { type });

describe("formatBytes", () => {
  it("writes sizes people can read", () => {
    expect(formatBytes(0)).toBe("0 bytes");
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(1023)).toBe("1023 bytes");
    expect(formatBytes(1024)).toBe("1 KB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(3.2 * 1024 ** 3)).toBe("3.2 GB");
    expect(formatBytes(2 * 1024 ** 3)).toBe("2 GB");
    // Rounds up into the next unit instead of printing "1024 KB".
    expect(formatBytes(1024 * 1024 - 1)).toBe("1 MB");
    expect(formatBytes(-1)).toBe("an unknown size");
  });
});

describe("validateFiles", () => {
  it("accepts everything when there are no rules", () => {
    const files = [file("a.mov", 10, "video/quicktime"), file("b.txt", 3, "text/plain")];
    expect(validateFiles(files).map((verdict) => verdict.rejection)).toEqual([null, null]);
  });

  it("matches MIME types, wildcards and extensions, case-insensitively", () => {
    const accept = "video/*, .MKV, image/png";
    const verdicts = validateFiles(
      [
        file("clip.mp4", 5, "video/mp4"),
        file("film.mkv", 5, ""), // browsers often give no type for .mkv
        file("still.png", 5, "image/png"),
        file("still.jpg", 5, "image/jpeg"),
        file("codec.webm", 5, "video/webm; codecs=vp9"),
      ],
      { accept },
    );
    expect(verdicts.map((verdict) => verdict.rejection?.code ?? "ok")).toEqual([
      "ok",
      "ok",
      "ok",
      "file-type",
      "ok",
    ]);
    expect(verdicts[3]?.rejection?.message).toBe(
      "still.jpg (image/jpeg) is not an accepted type; accepted: video/*, .MKV, image/png.",
    );
  });

  it("takes accept as an array too", () => {
    const [verdict] = validateFiles([file("a.txt", 1, "text/plain")], {
      accept: ["video/*", ".mov"],
    });
    expect(verdict?.rejection?.code).toBe("file-type");
  });

  it("refuses empty files before anything else", () => {
    const [verdict] = validateFiles([file("empty.mov", 0, "video/quicktime")], {
      accept: "image/*",
    });
    expect(verdict?.rejection).toEqual({ code: "empty", message: "empty.mov is empty (0 bytes)." });
  });

  it("checks the size limits with readable sizes", () => {
    const verdicts = validateFiles(
      [file("small.mov", 100), file("big.mov", 3 * 1024 * 1024), file("fine.mov", 2048)],
      { minSize: 1024, maxSize: 2 * 1024 * 1024 },
    );
    expect(verdicts.map((verdict) => verdict.rejection)).toEqual([
      { code: "too-small", message: "small.mov is 100 bytes; the minimum is 1 KB." },
      { code: "too-large", message: "big.mov is 3 MB; the limit is 2 MB." },
      null,
    ]);
  });

  it("counts only accepted files, including those already in the queue, against maxFiles", () => {
    const verdicts = validateFiles(
      [file("a.mov", 1), file("empty.mov", 0), file("b.mov", 1), file("c.mov", 1)],
      { maxFiles: 3, existingCount: 1 },
    );
    expect(verdicts.map((verdict) => verdict.rejection?.code ?? "ok")).toEqual([
      "ok",
      "empty",
      "ok",
      "too-many-files",
    ]);
    expect(verdicts[3]?.rejection?.message).toBe("c.mov was not added: the limit is 3 files.");
  });

  it("names a nameless Blob in plain words", () => {
    const [verdict] = validateFiles([new Blob([])]);
    expect(verdict?.rejection?.message).toBe("This file is empty (0 bytes).");
  });
});
