/**
 * Entity + quote extraction speed on the real streams (../shared/corpus/streams), one registry for the run as the
 * pipeline uses it; and the tagger alone in tokens/s.
 *   npx tsx bench/entities.ts [--articles N] [--runs R]
 * Prints a table: articles/s, tokens/s, mentions and quotes per article; the median of R runs. "cpu art/s" counts
 * this process's CPU time instead of wall time, which stays comparable when the machine is shared.
 */
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { annotateEntities, EntityRegistry, tokenize } from "../src/annotate/entities/index.js";
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

function load(file: string): Article[] {
  const lines = gunzipSync(readFileSync(corpusPath("streams", file)))
    .toString("utf8")
    .split("\n");
  const out: Article[] = [];
  for (const line of lines) {
    if (out.length >= N) break;
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
console.log("stream                      articles/s  tokens/s  cpu art/s  mentions/art  quotes/art");
loadNerModel();
for (const file of ["saudinewsnet.jsonl.gz", "ant-multisource.jsonl.gz"]) {
  const arts = load(file);
  const tokens = arts.reduce((n, a) => n + tokenize(a.text).length, 0);
  const rates: number[] = [];
  const cpuRates: number[] = [];
  let mentions = 0;
  let quotes = 0;
  for (let r = 0; r < RUNS; r++) {
    const registry = new EntityRegistry();
    mentions = quotes = 0;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const a of arts) {
      a.entities = annotateEntities(a, registry);
      a.quotes = annotateQuotes(a);
      mentions += a.entities.reduce((n, e) => n + e.mentions.length, 0);
      quotes += a.quotes.length;
    }
    rates.push(arts.length / ((performance.now() - t0) / 1000));
    const cpu = process.cpuUsage(c0);
    cpuRates.push(arts.length / ((cpu.user + cpu.system) / 1e6));
  }
  const aps = median(rates);
  console.log(
    `${file.padEnd(28)}${aps.toFixed(1).padStart(10)}${Math.round((aps * tokens) / arts.length)
      .toString()
      .padStart(10)}` +
      `${median(cpuRates).toFixed(1).padStart(11)}` +
      `${(mentions / arts.length).toFixed(1).padStart(14)}${(quotes / arts.length).toFixed(2).padStart(12)}`,
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
