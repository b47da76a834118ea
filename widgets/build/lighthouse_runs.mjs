// Lighthouse runs for several pages in one Node process (widgets/build/lighthouse.py):
// Lighthouse takes seconds to load, so a page costs only its own run.
//
//   node lighthouse_runs.mjs PORT CATEGORIES OUT_DIR URL[:keep] ...
//
// Each URL is measured in turn in the Chromium listening on PORT, with Lighthouse's default
// settings (the mobile preset with simulated throttling), as the `lighthouse` command does.
// A URL ending in ":keep" keeps the cache and storage of the runs before it (a repeat visit).
// The report of run i is written to OUT_DIR/i.json; a run that fails ends the process with 1.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import lighthouse from "lighthouse";

const [port, categories, outDir, ...targets] = process.argv.slice(2);
for (const [index, target] of targets.entries()) {
  const keep = target.endsWith(":keep");
  const url = keep ? target.slice(0, -":keep".length) : target;
  const result = await lighthouse(url, {
    port: Number(port),
    output: "json",
    logLevel: "error",
    onlyCategories: categories.split(","),
    disableStorageReset: keep,
  });
  if (!result || !result.report) {
    console.error(`Lighthouse gav ingen rapport för ${url}.`);
    process.exit(1);
  }
  await writeFile(join(outDir, `${index}.json`), result.report);
}
