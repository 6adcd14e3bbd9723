/**
 * ROUGE of rasd's story summaries next to a lead and a centroid baseline, in one run (issue 8, "Done when").
 *
 * Data: ../shared/corpus/multiling2011 (TAC 2011 MultiLing pilot, Arabic): each topic's 10 articles go through the
 * pipeline (extract, analyse, annotate) as pages, are treated as one story, and summarised to 250 words; every topic
 * that has human model summaries here (model_summaries/arabic/<topic>.<A|B|C>.250) is scored against all of them.
 *
 * Two rulers, both printed (src/summarize/rouge.ts documents them): `strict`, ROUGE-1.5.5's counting (split at
 * every non-letter, non-digit; no folding; models pooled and jackknifed), and `rasd` (rasd tokens in the `search`
 * normal form, averaged over the models). Scores are averaged over the topics. Every system's summary is cut to its
 * first 250 whitespace-separated words, as ROUGE's `-l 250` does.
 *
 *   npx tsx scripts/rouge-eval.ts [--words 250] [--json]
 *
 * For reference, on the full data set (10 topics, held-out models): the eight systems of MultiLing 2011 scored
 * ROUGE-2 F1 0.086–0.128 and the topline 0.149 (ROUGE-1.5.5 on their own preparation of the Arabic text; the strict
 * ruler is the closer of ours, see rouge.ts).
 */
import { readFileSync, readdirSync } from "node:fs";
import { loadHasher } from "../src/core/hash.js";
import { corpusPath } from "../src/core/paths.js";
import type { Article } from "../src/core/types.js";
import { processDoc } from "../src/pipeline/run.js";
import { createStages } from "../src/assemble/stages.js";
import { centroidBaseline, leadLatest, leadRoundRobin } from "../src/summarize/baselines.js";
import { rougeJackknife, rougeMulti, rougeTokens, TOKENISATION_NOTE, type Ruler } from "../src/summarize/rouge.js";
import { storyDates } from "../src/summarize/dates.js";
import { summarizeStory } from "../src/summarize/story.js";
import { buildCorpus, type Unit } from "../src/summarize/units.js";

interface Topic {
  id: string;
  files: string[];
  models: string[];
}

function loadTopics(): Topic[] {
  const rows = readFileSync(corpusPath("multiling2011", "clusters.tsv"), "utf8").trim().split("\n").slice(1);
  const modelDir = corpusPath("multiling2011", "model_summaries", "arabic");
  const modelFiles = readdirSync(modelDir);
  const topics = new Map<string, Topic>();
  for (const row of rows) {
    const [, topic, arPath] = row.split("\t");
    if (topic === undefined || arPath === undefined) throw new Error(`bad clusters.tsv row: ${row}`);
    let t = topics.get(topic);
    if (!t) {
      const models = modelFiles
        .filter((f) => f.startsWith(`${topic}.`))
        .map((f) => readFileSync(`${modelDir}/${f}`, "utf8"));
      topics.set(topic, (t = { id: topic, files: [], models }));
    }
    t.files.push(corpusPath("multiling2011", arPath));
  }
  return [...topics.values()].filter((t) => t.models.length > 0);
}

async function articlesOf(topic: Topic): Promise<Article[]> {
  const stages = createStages();
  const out: Article[] = [];
  for (const path of topic.files) {
    const bytes = new Uint8Array(readFileSync(path));
    out.push(await processDoc({ source: { path }, format: "text", bytes }, path, stages));
  }
  return out;
}

type System = (articles: Article[], words: number) => string;

const join = (units: readonly Unit[]) => units.map((u) => u.text).join("\n");

/** The articles oldest first (undated last), the story order summarizeStory reads them in. */
const oldestFirst = (a: Article[]) =>
  storyDates(a)
    .map((x, i) => ({ x, i }))
    .sort((p, q) => byDay(p.x, q.x) || p.i - q.i)
    .map((p) => p.x);
const byDay = (a: Article, b: Article) => (a.published.date ?? "\uffff").localeCompare(b.published.date ?? "\uffff");

const SYSTEMS: Record<string, System> = {
  "lead (latest article)": (a, w) => join(leadLatest(buildCorpus(a), a, w)),
  // baselines.ts documents the round robin oldest first; the input order (the data set's file order) is kept too,
  // since on these five topics it happens to score higher.
  "lead (rr, oldest first)": (a, w) => join(leadRoundRobin(buildCorpus(oldestFirst(a)), w)),
  "lead (rr, file order)": (a, w) => join(leadRoundRobin(buildCorpus(a), w)),
  "centroid (MEAD)": (a, w) => join(centroidBaseline(buildCorpus(a), w)),
  rasd: (a, w) =>
    summarizeStory(a, { words: w })
      .summary.map((c) => c.text)
      .join("\n"),
};

/** The first `limit` words of a summary, words being whitespace-separated, as ROUGE-1.5.5's `-l` counts them. */
const firstWords = (text: string, limit: number) =>
  text
    .split(/\s+/u)
    .filter((w) => w !== "")
    .slice(0, limit)
    .join(" ");

const RULERS: readonly Ruler[] = ["strict", "rasd"];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const words = Number(args[args.indexOf("--words") + 1] ?? 250) || 250;
  await loadHasher();
  const topics = loadTopics();
  /** ruler → system → [R-1 recall, R-1 F1, R-2 recall, R-2 F1], averaged over the topics. */
  const totals = new Map<Ruler, Map<string, number[]>>(RULERS.map((r) => [r, new Map()]));
  for (const topic of topics) {
    const articles = await articlesOf(topic);
    for (const [name, system] of Object.entries(SYSTEMS)) {
      const text = firstWords(system(articles, words), words);
      for (const ruler of RULERS) {
        const score = (n: number) =>
          ruler === "strict"
            ? rougeJackknife(
                rougeTokens(text, ruler),
                topic.models.map((m) => rougeTokens(m, ruler)),
                n,
              )
            : rougeMulti(text, topic.models, n);
        const [r1, r2] = [score(1), score(2)];
        const row = totals.get(ruler)!.get(name) ?? [0, 0, 0, 0];
        [r1.recall, r1.f1, r2.recall, r2.f1].forEach((x, i) => (row[i]! += x / topics.length));
        totals.get(ruler)!.set(name, row);
      }
    }
  }
  if (args.includes("--json")) {
    const rulers = Object.fromEntries(
      RULERS.map((r) => [r, { tokenisation: TOKENISATION_NOTE[r], systems: Object.fromEntries(totals.get(r)!) }]),
    );
    console.log(
      JSON.stringify({
        topics: topics.map((t) => t.id),
        words,
        columns: ["r1_recall", "r1_f1", "r2_recall", "r2_f1"],
        rulers,
      }),
    );
    return;
  }
  console.log(
    `ROUGE on multiling2011 Arabic, ${topics.length} topics with model summaries (${topics.map((t) => t.id).join(" ")}), ${words} words`,
  );
  for (const ruler of RULERS) {
    console.log(`\n${ruler} ruler: ${TOKENISATION_NOTE[ruler]} (src/summarize/rouge.ts)`);
    console.log("system                  R-1 recall  R-1 F1   R-2 recall  R-2 F1");
    for (const [name, [a, b, c, d]] of totals.get(ruler)!) {
      console.log(
        `${name.padEnd(24)}${a!.toFixed(4).padStart(10)}${b!.toFixed(4).padStart(9)}${c!.toFixed(4).padStart(12)}${d!.toFixed(4).padStart(8)}`,
      );
    }
  }
}

await main();
