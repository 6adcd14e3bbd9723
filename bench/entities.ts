/**
 * Entity + quote extraction speed on the real streams (../shared/corpus/streams), one registry for the run as the
 * pipeline uses it; and the tagger alone in tokens/s.
 *   npx tsx bench/entities.ts [--articles N] [--runs R]
 * Prints a table: articles/s, tokens/s, mentions and quotes per article; the median of R runs. "cpu art/s" counts
 * this process's CPU time instead of wall time, which stays comparable when the machine is shared; "recognise",
 * "link" and "quotes" split that CPU time per article between the three steps (ms, median of the runs).
 * To set two versions side by side, run this file from each checkout in the same sitting and compare ratios.
 */
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { EntityRegistry, tokenize } from "../src/annotate/entities/index.js";
import { linkEntities, segments } from "../src/annotate/entities/stage.js";
import { annotateQuotes } from "../src/annotate/quotes/index.js";
import { corpusPath } from "../src/core/paths.js";
import { emptyArticle } from "../src/core/stage.js";
import type { Article } from "../src/core/types.js";
import { loadNerModel } from "../src/annotate/entities/tagger/model.js";

const { values } = parseArgs({
  options: { articles: { type: "string", default: "500" }, runs: { type: "string", default: "3" } },
});
const N = Number(values.articles);
const RUNS = Number(values.runs);

/** The first N records (only their lines are decoded: the files hold 31,000 records each). */
function load(file: string): Article[] {
  const bytes = gunzipSync(readFileSync(corpusPath("streams", file)));
  const out: Article[] = [];
  for (let at = 0; at < bytes.length && out.length < N;) {
    let end = bytes.indexOf(10, at);
    if (end < 0) end = bytes.length;
    const line = bytes.toString("utf8", at, end);
    at = end + 1;
    if (line.trim() === "") continue;
    const r = JSON.parse(line) as { title?: string; text?: string; content?: string };
    const a = emptyArticle({ path: file, record: out.length + 1 });
    a.text = `${r.title ?? ""}\n\n${r.text ?? r.content ?? ""}`;
    out.push(a);
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), node ${process.version}; ${N} articles per stream, median of ${RUNS} runs`,
);
console.log(
  "stream                      articles/s  tokens/s  cpu art/s  mentions/art  quotes/art  recognise ms  link ms  quotes ms",
);
/** CPU microseconds since `c0` (user + system). */
const cpuSince = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return c.user + c.system;
};
loadNerModel();
for (const file of ["saudinewsnet.jsonl.gz", "ant-multisource.jsonl.gz"]) {
  const arts = load(file);
  const tokens = arts.reduce((n, a) => n + tokenize(a.text).length, 0);
  const rates: number[] = [];
  const cpuRates: number[] = [];
  const steps: [number[], number[], number[]] = [[], [], []];
  let mentions = 0;
  let quotes = 0;
  for (let r = 0; r < RUNS; r++) {
    const registry = new EntityRegistry();
    mentions = quotes = 0;
    const spent = [0, 0, 0];
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    // Fresh article objects each run, as a stream brings them: nothing kept with an article carries over.
    for (const a of arts.map((x) => ({ ...x }))) {
      let c = process.cpuUsage();
      const segs = segments(a);
      spent[0]! += cpuSince(c);
      c = process.cpuUsage();
      a.entities = linkEntities(segs, registry);
      spent[1]! += cpuSince(c);
      c = process.cpuUsage();
      a.quotes = annotateQuotes(a);
      spent[2]! += cpuSince(c);
      mentions += a.entities.reduce((n, e) => n + e.mentions.length, 0);
      quotes += a.quotes.length;
    }
    rates.push(arts.length / ((performance.now() - t0) / 1000));
    cpuRates.push(arts.length / (cpuSince(c0) / 1e6));
    spent.forEach((us, k) => steps[k]!.push(us / 1000 / arts.length));
  }
  const aps = median(rates);
  console.log(
    `${file.padEnd(28)}${aps.toFixed(1).padStart(10)}${Math.round((aps * tokens) / arts.length)
      .toString()
      .padStart(10)}` +
      `${median(cpuRates).toFixed(1).padStart(11)}` +
      `${(mentions / arts.length).toFixed(1).padStart(14)}${(quotes / arts.length).toFixed(2).padStart(12)}` +
      steps.map((xs, k) => median(xs).toFixed(2).padStart([14, 9, 11][k]!)).join(""),
  );
}

// The tagger alone, on the same text: tokens per second through NerModel.tag.
const model = loadNerModel();
if (model !== null) {
  const arts = load("saudinewsnet.jsonl.gz");
  const sents = arts
    .flatMap((a) => a.text.split(/[.!?؟\n]+/u))
    .map((s) => tokenize(s).map((t) => t.norm))
    .filter((s) => s.length > 0);
  const total = sents.reduce((n, s) => n + s.length, 0);
  const rates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    for (const s of sents) model.tag(s);
    rates.push(total / ((performance.now() - t0) / 1000));
  }
  console.log(`tagger alone: ${Math.round(median(rates))} tokens/s over ${total} tokens`);
}
