/**
 * What the clustering found on both streams, for a person to read and judge (docs/clustering-protocol.md): the
 * largest stories, N random pairs of articles of one story (was the join right?) and N random pairs of different
 * stories of one topic (is the topic one subject, and was the split right?), at a fixed seed. Writes outlets, dates,
 * titles and leads to a TSV under $TMPDIR for the judge; nothing is stored in the project.
 *
 *   npx tsx bench/cluster-streams.ts                 (once: both streams with entities, cached under $TMPDIR)
 *   npx tsx bench/cluster-report.ts [--pairs 100] [--seed 7] [--limit N] [--no-entities] [--out FILE]
 *                                   [--judged bench/cluster-judged-seed7.tsv]
 *
 * `--no-entities` reads the extract-only cache of bench/cluster-scale.ts instead (the streams without entities).
 */
import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Clusterer } from "../src/cluster/engine.js";
import { entityVectorOf, vectorOf, type ArticleFeatures } from "../src/cluster/features.js";
import { Profile } from "../src/cluster/profile.js";
import { scoreValue, weightedShare } from "../src/cluster/similarity.js";
import { loadHasher } from "../src/core/hash.js";
import type { Article } from "../src/core/types.js";
import { configFromEnv } from "./cluster-config.js";
import { ENTITY_CACHE } from "./cluster-streams.js";

const PLAIN_CACHE = join(tmpdir(), "rasd-cluster-bench-sorted.jsonl");
const OUT = outArg() ?? join(tmpdir(), "rasd-cluster-report.tsv");

function outArg(): string | undefined {
  const args = process.argv.slice(2);
  return args.includes("--out") ? args[args.indexOf("--out") + 1] : undefined;
}

interface Row {
  id: string;
  title: string;
  outlet: string;
  stream: string;
  date: string;
  lead: string;
}

async function load(file: string, limit: number): Promise<Article[]> {
  const all: Article[] = [];
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (all.length >= limit) break;
    all.push(JSON.parse(line) as Article);
  }
  // Arrival order: publication day, undated first (the caches are written so; a stable sort keeps them so).
  return all.sort((a, b) => (a.published.date ?? "").localeCompare(b.published.date ?? ""));
}

/** A small seeded generator, so the sample is reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(xs: readonly T[], r: () => number): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function arg(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  return args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
}

async function main(): Promise<void> {
  const limit = arg("--limit", Infinity);
  const seed = arg("--seed", 7);
  const n = arg("--pairs", 100);
  const file = process.argv.includes("--no-entities") ? PLAIN_CACHE : ENTITY_CACHE;
  await loadHasher();
  const articles = await load(file, limit);
  const c = new Clusterer(configFromEnv());
  const refusals = new Map<string, number>();
  const features = new Map<string, ArticleFeatures>();
  let joins = 0;
  articles.forEach((a, i) => {
    const p = c.place(a, i + 1);
    features.set(a.id, p.features);
    if (p.decision.action === "join") joins++;
    for (const r of p.decision.refused ?? []) refusals.set(r.why, (refusals.get(r.why) ?? 0) + 1);
  });
  const row = new Map<string, Row>();
  const byStory = new Map<string, string[]>();
  for (const a of articles) {
    // One record republished word for word is one article (the same id): count it once, or a "pair" drawn from a
    // story could be one article twice and the draw below would never end.
    if (row.has(a.id)) continue;
    row.set(a.id, {
      id: a.id,
      title: a.title.replace(/\s+/gu, " "),
      outlet: a.publisher.name ?? "?",
      stream: a.source.path.includes("saudinewsnet") ? "SNN" : "ANT",
      date: a.published.date ?? a.source.crawled?.slice(0, 10) ?? "?",
      lead: a.text.slice(0, 240).replace(/\s+/gu, " "),
    });
    const s = c.storyOf.get(a.id)!;
    byStory.set(s, [...(byStory.get(s) ?? []), a.id]);
  }
  const byTopic = new Map<string, string[]>();
  for (const s of byStory.keys()) {
    const t = c.topicOf.get(s)!;
    byTopic.set(t, [...(byTopic.get(t) ?? []), s]);
  }
  /** The two articles' own story score (one against the other alone), for reading after the judgement. */
  const pairScore = (x: string, y: string): string => {
    const one = new Profile();
    one.add(features.get(x)!);
    const { weights, time, link } = c.config.story;
    return scoreValue(features.get(y)!, one, weights, time, (k) => c.entityFreq.idf(k), link).toFixed(3);
  };
  /**
   * What a rule could read of the pair (for tuning a rule on judged pairs): term cosine, the smaller idf-weighted
   * share of one's entities the other names, of one's headline words the other holds (headline or main words), same
   * outlet (1/0), days apart.
   */
  const pairEvidence = (x: string, y: string): string => {
    const fx = features.get(x)!;
    const fy = features.get(y)!;
    const cos = vectorOf(fx).dot(vectorOf(fy));
    const eIdf = (k: string): number => c.entityFreq.idf(k);
    const tIdf = (k: string): number => c.df.idf(k);
    const ent = (f: ArticleFeatures, g: ArticleFeatures): number =>
      f.entities.length === 0 || g.entities.length === 0 ? NaN : weightedShare(f.entities, entityVectorOf(g), eIdf, 1);
    const head = (f: ArticleFeatures, g: ArticleFeatures): number => {
      let all = 0;
      let hit = 0;
      for (const k of f.title) {
        const w = tIdf(k);
        all += w;
        if (g.title.includes(k) || g.terms.has(k)) hit += w;
      }
      return all > 0 ? hit / all : NaN;
    };
    const outlet = fx.outlet !== undefined && fx.outlet === fy.outlet ? 1 : 0;
    const days = fx.day !== null && fy.day !== null ? Math.abs(fx.day - fy.day) : NaN;
    const f3 = (v: number): string => (Number.isNaN(v) ? "-" : v.toFixed(2));
    return [
      f3(cos),
      f3(Math.min(ent(fx, fy), ent(fy, fx))),
      f3(Math.min(head(fx, fy), head(fy, fx))),
      outlet,
      days,
    ].join(" ");
  };
  const lines: string[] = [];
  const largest = [...byStory].sort((a, b) => b[1].length - a[1].length).slice(0, 15);
  for (const [s, ids] of largest) {
    const days = ids.map((i) => row.get(i)!.date).sort();
    lines.push(
      ["largest", s, String(ids.length), `${days[0]}..${days[days.length - 1]}`, row.get(ids[0]!)!.title].join("\t"),
    );
  }
  const r = rng(seed);
  const multiStory = [...byTopic.values()].filter((ss) => ss.length >= 2);
  const multiArticle = [...byStory.entries()].filter(([, ids]) => ids.length >= 2);
  // Same-story pairs first: a story drawn at random among those with two articles or more, then two of its articles.
  for (let k = 0; k < n; k++) {
    const [, ids] = pick(multiArticle, r);
    const i = pick(ids, r);
    let j = pick(ids, r);
    while (j === i) j = pick(ids, r);
    lines.push(
      [
        "same-story",
        String(k + 1),
        pairScore(i, j) + " " + pairEvidence(i, j),
        fmt(row.get(i)!),
        fmt(row.get(j)!),
        i,
        j,
      ].join("\t"),
    );
  }
  for (let k = 0; k < n; k++) {
    const ss = pick(multiStory, r);
    const s1 = pick(ss, r);
    let s2 = pick(ss, r);
    while (s2 === s1) s2 = pick(ss, r);
    const a = row.get(pick(byStory.get(s1)!, r))!;
    const b = row.get(pick(byStory.get(s2)!, r))!;
    lines.push(
      [
        "same-topic",
        String(k + 1),
        pairScore(a.id, b.id) + " " + pairEvidence(a.id, b.id),
        fmt(a),
        fmt(b),
        a.id,
        b.id,
      ].join("\t"),
    );
  }
  writeFileSync(OUT, lines.join("\n") + "\n");
  const judged = process.argv.includes("--judged") ? process.argv[process.argv.indexOf("--judged") + 1] : undefined;
  if (judged !== undefined) {
    console.log(rejudge(judged, c.storyOf, c.topicOf));
    // The judged pairs as this run groups them, with what the judge read, to see which errors are left.
    writeFileSync(
      OUT + ".judged",
      showJudged(judged, c.storyOf, c.topicOf, row, (x, y) => pairScore(x, y) + " " + pairEvidence(x, y)),
    );
  }
  const sizes = [...byStory.values()].map((x) => x.length);
  const withEntities = articles.filter((a) => a.entities.length > 0).length;
  console.log(
    `${articles.length} articles (${withEntities} with entities), ${byStory.size} stories ` +
      `(${sizes.filter((k) => k >= 2).length} with ≥ 2 articles, largest ${Math.max(...sizes)}), ` +
      `${byTopic.size} topics (${multiStory.length} with ≥ 2 stories); ${joins} joins; refused candidates: ` +
      `${[...refusals].map(([w, k]) => `${w} ${k}`).join(", ") || "none"}; sample written to ${OUT}`,
  );
}

/**
 * Pairs judged on an earlier run (docs/clustering-judgements.md; the file: kind, number, article ids, verdict), as
 * this run groups them: of the same-story pairs judged a wrong join (W), unclear (U) or right (ok), how many are
 * still in one story; of the same-topic pairs judged unrelated (unrel), related (rel) or one event split (split), how
 * many are still in one topic. The tuning figures: what a change fixed and what it broke on pairs already read.
 */
function rejudge(file: string, storyOf: ReadonlyMap<string, string>, topicOf: ReadonlyMap<string, string>): string {
  const tally = new Map<string, { together: number; all: number }>();
  for (const line of judgedLines(file)) {
    const [kind, , a, b, verdict] = line.split("\t") as [string, string, string, string, string];
    const sa = storyOf.get(a);
    const sb = storyOf.get(b);
    if (sa === undefined || sb === undefined) continue;
    const together = kind === "same-story" ? sa === sb : topicOf.get(sa) === topicOf.get(sb);
    const key = `${kind} ${verdict}`;
    const t = tally.get(key) ?? { together: 0, all: 0 };
    t.all++;
    if (together) t.together++;
    tally.set(key, t);
  }
  return [...tally]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([k, t]) => `${k}: ${t.together} of ${t.all} still together`)
    .join("\n");
}

/** Each judged pair: kind, number, verdict, together now (1/0), its score now, and both articles as the judge read them. */
function showJudged(
  file: string,
  storyOf: ReadonlyMap<string, string>,
  topicOf: ReadonlyMap<string, string>,
  row: ReadonlyMap<string, Row>,
  pairScore: (x: string, y: string) => string,
): string {
  const out: string[] = [];
  for (const line of judgedLines(file)) {
    const [kind, k, a, b, verdict] = line.split("\t") as [string, string, string, string, string];
    const sa = storyOf.get(a);
    const sb = storyOf.get(b);
    if (sa === undefined || sb === undefined) continue;
    const together = kind === "same-story" ? sa === sb : topicOf.get(sa) === topicOf.get(sb);
    out.push([kind, k, verdict, together ? 1 : 0, pairScore(a, b), fmt(row.get(a)!), fmt(row.get(b)!)].join("\t"));
  }
  return out.join("\n") + "\n";
}

/** The lines of one judged file, or of several (comma-separated: `--judged a.tsv,b.tsv`). */
function judgedLines(files: string): string[] {
  return files.split(",").flatMap((f) => readFileSync(f, "utf8").trim().split("\n"));
}

function fmt(x: Row): string {
  return `${x.stream} ${x.date} ${x.outlet} | ${x.title} | ${x.lead}`;
}

await main();
