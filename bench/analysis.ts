/**
 * Analysis throughput on real news text (../shared/corpus/streams): tokens per second for normalise+tokenise, and
 * for the whole term chain (fold, stopwords, stem) with each stemming scheme. One core, single-threaded.
 *
 *   npx tsx bench/analysis.ts [--articles N] [--runs R]
 */
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { createInterface } from "node:readline";
import { cpus } from "node:os";
import { corpusPath } from "../src/core/paths.js";
import { forEachToken } from "../src/analysis/ar/tokenize.js";
import { normalizer } from "../src/analysis/ar/normalize.js";
import { analyzeTerms } from "../src/analysis/ar/analyze.js";
import type { Scheme } from "../src/analysis/ar/stem.js";
import { snowball } from "../src/analysis/ar/stem/snowball.js";

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

async function loadTexts(file: string, max: number): Promise<string[]> {
  const out: string[] = [];
  const rl = createInterface({
    input: createReadStream(corpusPath("streams", file)).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of rl) {
    if (out.length >= max) break;
    const rec = JSON.parse(line) as { content?: string; text?: string };
    const t = rec.content ?? rec.text;
    if (typeof t === "string" && t.length > 0) out.push(t);
  }
  rl.close();
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs `fn` over all texts `runs` times (after one warm-up); returns the median tokens/s. */
function measure(texts: string[], runs: number, fn: (t: string) => number): number {
  let tokens = 0;
  for (const t of texts) tokens += fn(t);
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    for (const t of texts) fn(t);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    rates.push(tokens / s);
  }
  return median(rates);
}

async function main(): Promise<void> {
  const per = arg("articles", 3000);
  const runs = arg("runs", 5);
  const texts = [
    ...(await loadTexts("saudinewsnet.jsonl.gz", per)),
    ...(await loadTexts("ant-multisource.jsonl.gz", per)),
  ];
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const fold = normalizer("search");
  let sink = 0;
  const rows: Array<[string, number]> = [];
  rows.push([
    "tokenise only",
    measure(texts, runs, (t) => {
      let n = 0;
      forEachToken(t, () => {
        n++;
      });
      return n;
    }),
  ]);
  rows.push([
    "normalise+tokenise",
    measure(texts, runs, (t) => {
      let n = 0;
      forEachToken(t, (a, b) => {
        sink += fold(t.slice(a, b)).length;
        n++;
      });
      return n;
    }),
  ]);
  for (const scheme of ["none", "rasd", "lucene", "snowball"] as Scheme[]) {
    rows.push([
      `terms, scheme ${scheme}`,
      measure(texts, runs, (t) => {
        let n = 0;
        forEachToken(t, () => {
          n++;
        });
        sink += analyzeTerms(t, { scheme }).length;
        return n;
      }),
    ]);
  }
  rows.push([
    "Snowball stemmer alone",
    measure(texts, runs, (t) => {
      let n = 0;
      forEachToken(t, (a, b) => {
        sink += snowball(t.slice(a, b)).length;
        n++;
      });
      return n;
    }),
  ]);
  console.log(
    `analysis throughput: ${texts.length} articles from ../shared/corpus/streams, ${(chars / 1e6).toFixed(1)} M chars`,
  );
  console.log(
    `machine: ${cpus()[0]?.model ?? "?"} (${cpus().length} cores), Node ${process.version}, one core; median of ${runs} runs\n`,
  );
  console.log("| what                     | tokens/s (M) |");
  console.log("|--------------------------|-------------:|");
  for (const [name, rate] of rows) console.log(`| ${name.padEnd(24)} | ${(rate / 1e6).toFixed(2).padStart(12)} |`);
  if (sink < 0) console.log(sink);
}

await main();
