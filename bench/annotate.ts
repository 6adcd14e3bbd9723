/**
 * Throughput of `rasd annotate` (dates + figures, one line at a time) on real Arabic news text: the first ~8 MB of
 * article bodies from ../shared/corpus/streams/saudinewsnet.jsonl.gz, one paragraph per line, one core.
 *
 *   npx tsx bench/annotate.ts [MB]
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { cpus } from "node:os";
import { corpusPath } from "../src/core/paths.js";
import { LINE_ANNOTATORS, annotateLine, annotateLineDates, annotateLineFigures } from "../src/annotate/line.js";
import { dt } from "../src/annotate/dates/calendar.js";

const target = Number(process.argv[2] ?? 8) * 1e6;
const raw = gunzipSync(readFileSync(corpusPath("streams", "saudinewsnet.jsonl.gz"))).toString("utf8");
const lines: string[] = [];
let bytes = 0;
for (const rec of raw.split("\n")) {
  if (!rec || bytes >= target) continue;
  const content = (JSON.parse(rec) as { content?: string }).content ?? "";
  for (const para of content.split("\n")) {
    if (!para.trim()) continue;
    lines.push(para);
    bytes += Buffer.byteLength(para, "utf8");
  }
}
const ref = dt(2015, 7, 21, 12, 0, 0);
/**
 * Median wall seconds of 5 passes over the lines with these annotators, the median CPU seconds of the process (on a
 * machine shared with other work the CPU time is the steadier figure to compare versions by), and what they found.
 */
function measure(annotators: typeof LINE_ANNOTATORS) {
  const runs: number[] = [];
  const cpu: number[] = [];
  let found = { dates: 0, figures: 0 };
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    found = { dates: 0, figures: 0 };
    for (const l of lines) {
      const a = annotateLine(l, { ref }, annotators);
      found.dates += a.dates.length;
      found.figures += a.figures.length;
    }
    runs.push(Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
  }
  runs.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median: runs[2]!, cpu: cpu[2]!, ...found };
}

console.log(
  `machine: ${cpus().length} cores, ${cpus()[0]?.model ?? "?"}; node ${process.version}; one core (single thread)`,
);
console.log("| annotators | text | lines | dates | figures | median s (5 runs) | MB/s | median CPU s |");
console.log("|---|---|---:|---:|---:|---:|---:|---:|");
const sets: [string, typeof LINE_ANNOTATORS][] = [
  ["dates + figures", [annotateLineDates, annotateLineFigures]],
  ["all (`rasd annotate`: + entities, quotes)", LINE_ANNOTATORS],
];
for (const [name, annotators] of sets) {
  const m = measure(annotators);
  console.log(
    `| ${name} | saudinewsnet bodies, ${(bytes / 1e6).toFixed(1)} MB UTF-8 | ${lines.length} | ${m.dates} | ${m.figures} | ${m.median.toFixed(2)} | ${(bytes / 1e6 / m.median).toFixed(2)} | ${m.cpu.toFixed(2)} |`,
  );
}
