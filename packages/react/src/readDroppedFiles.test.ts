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

// An entry whose file() fails, as Chromium's does when the file was deleted mid-drag.
function brokenFileEntry(name: string, errorName = "NotFoundError") {
  return {
    isFile: true,
    isDirectory: false,
    name,
    file: (_resolve: (f: File) => void, reject: (error: Error) => void) =>
      setTimeout(() => reject(new DOMException("A requested file could not be found", errorName))),
  };
}

// A folder whose reader fails (no permission, a broken link).
function brokenDirectoryEntry(name: string) {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => ({
      readEntries(_resolve: unknown, reject: (error: Error) => void) {
        setTimeout(() => reject(new DOMException("denied /home/someone/secret", "SecurityError")));
      },
    }),
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
    const { files, unreadable } = await readDroppedFiles(transferOf([folder, loose]));
    expect(unreadable).toEqual([]);
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
    expect(await readDroppedFiles(transfer)).toEqual({ files: [file], unreadable: [] });
  });

  it("keeps every readable file and reports each unreadable entry by path", async () => {
    const folder = directoryEntry("clips", [
      fileEntry("a.mp4"),
      brokenFileEntry("gone.mp4"),
      directoryEntry("nested", [
        fileEntry("c.mp4"),
        brokenFileEntry("locked.mp4", "NotReadableError"),
      ]),
      brokenDirectoryEntry("private"),
      fileEntry("e.mp4"),
    ]);
    const loose = new File(["x"], "loose.mov");
    const { files, unreadable } = await readDroppedFiles(
      transferOf([brokenFileEntry("top.mov"), folder, loose]),
    );
    expect(files.map((file) => file.name)).toEqual(["a.mp4", "c.mp4", "e.mp4", "loose.mov"]);
    expect(unreadable).toEqual([
      {
        name: "top.mov",
        rejection: {
          code: "unreadable",
          message: "top.mov could not be read (NotFoundError) and was not added.",
        },
      },
      {
        name: "clips/gone.mp4",
        rejection: {
          code: "unreadable",
          message: "clips/gone.mp4 could not be read (NotFoundError) and was not added.",
        },
      },
      {
        name: "clips/nested/locked.mp4",
        rejection: {
          code: "unreadable",
          message:
            "clips/nested/locked.mp4 could not be read (NotReadableError) and was not added.",
        },
      },
      {
        name: "clips/private",
        rejection: {
          code: "unreadable",
          message: "clips/private could not be read (SecurityError) and was not added.",
        },
      },
    ]);
    // The browser's own message (which may hold a local path) is not repeated.
    expect(JSON.stringify(unreadable)).not.toContain("/home/someone");
  });

  it("names each dropped folder with no file in it, and only the dropped ones", async () => {
    const { files, unreadable } = await readDroppedFiles(
      transferOf([
        directoryEntry("empty", []),
        // Folders only, none with a file: as empty as it gets for the person who dropped it.
        directoryEntry("hollow", [directoryEntry("a", []), directoryEntry("b", [])]),
        // An empty folder inside a folder that had files is not worth a sentence.
        directoryEntry("clips", [directoryEntry("nothing", []), fileEntry("c.mp4")]),
        // A folder whose only entry failed says so once, not also "empty".
        directoryEntry("broken", [brokenFileEntry("gone.mp4")]),
      ]),
    );
    expect(files.map((file) => file.name)).toEqual(["c.mp4"]);
    expect(unreadable).toEqual([
      {
        name: "empty",
        rejection: {
          code: "empty-folder",
          message: "empty is an empty folder: there was nothing in it to add.",
        },
      },
      {
        name: "hollow",
        rejection: {
          code: "empty-folder",
          message: "hollow is an empty folder: there was nothing in it to add.",
        },
      },
      {
        name: "broken/gone.mp4",
        rejection: {
          code: "unreadable",
          message: "broken/gone.mp4 could not be read (NotFoundError) and was not added.",
        },
      },
    ]);
  });

  it("resolves (never rejects) when every entry fails", async () => {
    const result = await readDroppedFiles(
      transferOf([brokenFileEntry("one.mov"), brokenDirectoryEntry("two")]),
    );
    expect(result.files).toEqual([]);
    expect(result.unreadable.map((entry) => entry.name)).toEqual(["one.mov", "two"]);
  });
});
