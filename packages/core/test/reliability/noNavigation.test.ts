// The library never navigates the page: no return_url (a `javascript:` one included), no URL from
// a response or a callback is ever followed by core or the React package. Results are read from
// redirects the browser followed inside an XHR or a hidden frame, never by moving the page.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packages = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const navigation =
  /\blocation\s*\.\s*(assign|replace)\s*\(|\blocation(\.href)?\s*=[^=]|\bwindow\s*\.\s*open\s*\(|\.navigate\s*\(/;

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sources(full);
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
    }),
  );
  return files.flat();
}

describe("no navigation in the library", () => {
  it.each(["core", "react"])("packages/%s/src never moves the page", async (name) => {
    const files = await sources(path.join(packages, name, "src"));
    expect(files.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const file of files) {
      const lines = (await readFile(file, "utf8")).split("\n");
      lines.forEach((line, index) => {
        if (navigation.test(line) && !/^\s*(\/\/|\*)/.test(line)) {
          offenders.push(`${path.relative(packages, file)}:${index + 1}: ${line.trim()}`);
        }
      });
    }
    expect(offenders).toEqual([]);
  });
});
