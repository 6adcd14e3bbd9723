/** Loading the real sets the clustering benchmarks and evaluations read: seeds, multiling2011, the streams. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { corpusPath } from "../src/core/paths.js";
import type { RawDoc, Stage } from "../src/core/stage.js";
import type { Article } from "../src/core/types.js";
import { readInput } from "../src/source/read.js";
import { runStages } from "../src/pipeline/run.js";
import { createStages } from "../src/assemble/stages.js";

export const stages = createStages();

export async function articleFrom(raw: RawDoc, key: string, use: readonly Stage[] = stages): Promise<Article> {
  const doc = await runStages(raw, key, use);
  const a = doc.article;
  // Until the publication-date stage is wired, the record's own date (a crawl time at worst) stands in for it.
  const hint = doc.hints?.published?.[0];
  // "2015-07-21 02:51:32" (SaudiNewsNet) needs its T; "Sun, 18 Feb 2018 21:35:43 +0400" (ANT, RFC 2822) must keep its spaces.
  const t = hint
    ? Date.parse(/^\d{4}-\d\d-\d\d \d/u.test(hint.value) ? hint.value.replace(" ", "T") : hint.value)
    : NaN;
  if (a.published.date === null && hint && Number.isFinite(t)) {
    const date = new Date(t).toISOString().slice(0, 10);
    a.published = { date, precision: "day", candidates: [], evidence: `bench: ${hint.source}` };
  }
  return a;
}

export async function seedArticles(): Promise<Article[]> {
  const dir = corpusPath("seeds");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  return Promise.all(
    files.map((f) =>
      articleFrom({ source: { path: join(dir, f) }, format: "text", bytes: readFileSync(join(dir, f)) }, f),
    ),
  );
}

export interface Labelled {
  article: Article;
  topic: string;
  doc: string;
}

export async function multilingArticles(): Promise<Labelled[]> {
  const dir = corpusPath("multiling2011");
  const rows = readFileSync(join(dir, "clusters.tsv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split("\t"));
  const out: Labelled[] = [];
  for (const r of rows) {
    const [doc, topic, path] = r;
    if (!doc || !topic || !path) continue;
    const file = join(dir, path);
    const article = await articleFrom({ source: { path: file }, format: "text", bytes: readFileSync(file) }, file);
    out.push({ article, topic, doc });
  }
  return out;
}

/** The articles of a stream, through the normal record reader and stages, in file order. */
export async function* streamArticles(
  name: string,
  limit = Infinity,
  use: readonly Stage[] = stages,
): AsyncGenerator<Article> {
  const file = { path: corpusPath("streams", name), kind: "jsonl" as const, gzip: true, explicit: true };
  let n = 0;
  for await (const item of readInput(file)) {
    if (item.ok !== true) continue;
    if (++n > limit) break;
    yield articleFrom(item.raw, item.sourceKey, use);
  }
}
