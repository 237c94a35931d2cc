import { describe, expect, it } from "vitest";
import { readDroppedFiles } from "./readDroppedFiles.js";

// Minimal stand-ins for the File and Directory Entries API (only Chromium implements it fully,
// and it cannot be driven from script), to check the traversal: nested folders, and
// readEntries() returning its entries in batches until an empty one.
function fileEntry(name: string) {
  const file = new File([name], name);
  return {
    isFile: true,
    isDirectory: false,
    name,
    file: (resolve: (f: File) => void) => resolve(file),
  };
}

function directoryEntry(name: string, children: object[], batch = 2) {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader() {
      let offset = 0;
      return {
        readEntries(resolve: (entries: object[]) => void) {
          const next = children.slice(offset, offset + batch);
          offset += next.length;
          setTimeout(() => resolve(next), 0);
        },
      };
    },
  };
}

function transferOf(entries: (object | File)[]): DataTransfer {
  const items = entries.map((entry) => ({
    kind: "file",
    webkitGetAsEntry: () => (entry instanceof File ? null : entry),
    getAsFile: () => (entry instanceof File ? entry : null),
  }));
  return { items, files: [] } as unknown as DataTransfer;
}

describe("readDroppedFiles", () => {
  it("traverses folders (all readEntries batches) and keeps plain files", async () => {
    const folder = directoryEntry("clips", [
      fileEntry("a.mp4"),
      fileEntry("b.mp4"),
      directoryEntry("nested", [fileEntry("c.mp4"), fileEntry("d.mp4"), fileEntry("e.mp4")]),
    ]);
    const loose = new File(["x"], "loose.mov");
    const files = await readDroppedFiles(transferOf([folder, loose]));
    expect(files.map((file) => file.name)).toEqual([
      "a.mp4",
      "b.mp4",
      "c.mp4",
      "d.mp4",
      "e.mp4",
      "loose.mov",
    ]);
  });

  it("falls back to dataTransfer.files without entry support", async () => {
    const file = new File(["x"], "plain.mp4");
    const transfer = { items: [{ kind: "file" }], files: [file] } as unknown as DataTransfer;
    expect(await readDroppedFiles(transfer)).toEqual([file]);
  });
});
