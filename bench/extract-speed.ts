/**
 * Extraction speed on one core: pages/s and MB/s over the Zyte HTML pages and the seed texts, median of 5 runs
 * (after a warm-up run), with plain Readability on linkedom (no pre-cleaning) on the same pages for scale.
 * Run: npx tsx bench/extract-speed.ts
 */
import { readFileSync, readdirSync } from "node:fs";
import { cpus } from "node:os";
import { gunzipSync } from "node:zlib";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { corpusPath } from "../src/core/paths.js";
import { DocContext } from "../src/core/context.js";
import { emptyArticle, type Doc } from "../src/core/stage.js";
import { extractStage } from "../src/extract/index.js";

const zyte = corpusPath("extraction", "zyte", "html");
const html = readdirSync(zyte)
  .sort()
  .map((f) => gunzipSync(readFileSync(`${zyte}/${f}`)).toString("utf8"));
const seeds = corpusPath("seeds");
const texts = readdirSync(seeds)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(`${seeds}/${f}`, "utf8"));

/** CPU seconds of this process (user + system): on a machine shared with other jobs, wall time overstates. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

async function runAll(pages: string[], format: "html" | "text" | "plain"): Promise<number> {
  const t0 = cpuSeconds();
  for (const decoded of pages) {
    if (format === "plain") {
      new Readability(parseHTML(decoded).document as never).parse();
      continue;
    }
    const doc: Doc = { raw: { source: { path: "b" }, format }, decoded, article: emptyArticle({ path: "b" }) };
    // The stage loads the HTML path on its first page and so answers with a promise: awaited, so the time counted
    // is the extraction's and not only its start.
    await extractStage.run(doc, new DocContext("b"));
  }
  return cpuSeconds() - t0;
}

async function bench(name: string, pages: string[], format: "html" | "text" | "plain", repeat: number): Promise<void> {
  const set = Array.from({ length: repeat }, () => pages).flat();
  await runAll(set, format);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push(await runAll(set, format));
  times.sort((a, b) => a - b);
  const s = times[2] as number;
  const mb = set.reduce((n, p) => n + Buffer.byteLength(p, "utf8"), 0) / 1e6;
  console.log(
    `${name.padEnd(20)}${String(set.length).padStart(6)}${((mb / set.length) * 1000).toFixed(1).padStart(9)}${(set.length / s).toFixed(1).padStart(10)}${(mb / s).toFixed(2).padStart(8)}`,
  );
}

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, node ${process.version}, one core (single thread), CPU time`,
);
console.log("set                 pages  KB/page   pages/s    MB/s");
await bench("zyte html", html, "html", 1);
await bench("  plain Readability", html, "plain", 1);
await bench("seeds text", texts, "text", 40);
