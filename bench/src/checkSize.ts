// The size budget CI checks (`pnpm --filter @twentythree-upload/bench check:size`): builds only
// our two entries, exactly as the weight suite does, and fails when one is over its limit in
// bench/size-budget.json or cannot be built.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { benchRoot } from "./paths.js";
import { weighEntry, type EntryWeight } from "./weightBuild.js";

/** bench/size-budget.json */
interface SizeBudget {
  readonly entries: Record<
    string,
    {
      readonly jsGzipBytes: number;
      readonly lazyJsGzipBytes: number;
      readonly cssGzipBytes: number;
    }
  >;
}

const budgetFile = path.join(benchRoot, "size-budget.json");

async function main(): Promise<void> {
  const budget = JSON.parse(await readFile(budgetFile, "utf8")) as SizeBudget;
  const entries = Object.entries(budget.entries);
  if (entries.length === 0) {
    throw new Error("bench/size-budget.json lists no entries");
  }
  const failures: string[] = [];
  for (const [entry, limit] of entries) {
    let weight: EntryWeight;
    try {
      weight = await weighEntry(entry);
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
      continue;
    }
    for (const [kind, measured, allowed] of [
      ["JS", weight.jsGzipBytes, limit.jsGzipBytes],
      ["lazy JS", weight.lazyJsGzipBytes, limit.lazyJsGzipBytes],
      ["CSS", weight.cssGzipBytes, limit.cssGzipBytes],
    ] as const) {
      if (typeof allowed !== "number") {
        failures.push(`bench/size-budget.json: ${entry} has no ${kind} limit`);
        continue;
      }
      const verdict = measured <= allowed ? "ok" : "OVER BUDGET";
      console.log(`${entry} ${kind} min+gzip: ${measured} B (budget ${allowed} B) ${verdict}`);
      if (measured > allowed) {
        failures.push(
          `${entry}: ${kind} is ${measured} B min+gzip, over its budget of ${allowed} B by ${measured - allowed} B. Make it smaller, or raise the limit in bench/size-budget.json in a reviewed change.`,
        );
      }
    }
  }
  if (failures.length > 0) {
    throw new Error(`Size budget check failed:\n- ${failures.join("\n- ")}`);
  }
  console.log("size budget: ok");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
