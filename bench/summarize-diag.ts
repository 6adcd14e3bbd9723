/**
 * Diagnostics for the summary selection on multiling2011 (not a benchmark of speed): per topic, each system's units
 * (article, position, words) and ROUGE-2 F1. `npx tsx bench/summarize-diag.ts [--text]`
 */
import { readFileSync, readdirSync } from "node:fs";
import { loadHasher } from "../src/core/hash.js";
import { corpusPath } from "../src/core/paths.js";
import type { Article } from "../src/core/types.js";
import { processDoc } from "../src/pipeline/run.js";
import { createStages } from "../src/assemble/stages.js";
import { leadRoundRobin } from "../src/summarize/baselines.js";
import { rougeMulti, rougeTokens } from "../src/summarize/rouge.js";
import { selectUnits } from "../src/summarize/select.js";
import { selectRounds } from "../src/summarize/rounds.js";
import { storyDates } from "../src/summarize/dates.js";
import { buildCorpus, type Unit } from "../src/summarize/units.js";

const rows = readFileSync(corpusPath("multiling2011", "clusters.tsv"), "utf8").trim().split("\n").slice(1);
const modelDir = corpusPath("multiling2011", "model_summaries", "arabic");
await loadHasher();
const stages = createStages();
const topics = new Map<string, string[]>();
for (const r of rows) {
  const [, t, p] = r.split("\t");
  topics.set(t!, [...(topics.get(t!) ?? []), p!]);
}
const show = process.argv.includes("--text");
const totals: Record<string, number[]> = {};
for (const [t, paths] of topics) {
  const models = readdirSync(modelDir)
    .filter((f) => f.startsWith(`${t}.`))
    .map((f) => readFileSync(`${modelDir}/${f}`, "utf8"));
  if (models.length === 0) continue;
  const arts: Article[] = [];
  for (const p of paths)
    arts.push(
      await processDoc(
        { source: { path: p }, format: "text", bytes: new Uint8Array(readFileSync(corpusPath("multiling2011", p))) },
        p,
        stages,
      ),
    );
  const dated = storyDates(arts);
  const order = dated
    .map((_, i) => i)
    .sort((x, y) =>
      (dated[x]!.published.date ?? "z") < (dated[y]!.published.date ?? "z")
        ? -1
        : (dated[x]!.published.date ?? "z") > (dated[y]!.published.date ?? "z")
          ? 1
          : x - y,
    );
  const sorted = order.map((i) => dated[i]!);
  const corpus = buildCorpus(sorted);
  const ord = (us: Unit[]) => [...us].sort((a, b) => a.article - b.article || a.start - b.start);
  const systems: Record<string, Unit[]> = {
    rr: leadRoundRobin(corpus, 250),
    rrfile: leadRoundRobin(buildCorpus(dated), 250),
    mmr: ord(selectUnits(corpus, { words: 250 })),
    rounds: ord(selectRounds(corpus, { words: 250, dates: sorted.map((a) => a.published.date) })),
  };
  console.log(`== ${t} dates: ${sorted.map((a) => a.published.date).join(" ")}`);
  for (const [name, us] of Object.entries(systems)) {
    const toks = rougeTokens(us.map((u) => u.text).join("\n"));
    const text = toks.slice(0, 250).join(" ");
    const r1 = rougeMulti(text, models, 1);
    const r2 = rougeMulti(text, models, 2).f1;
    const r2r = rougeMulti(text, models, 2).recall;
    const acc = (totals[name] ??= [0, 0, 0, 0]);
    [r1.recall, r1.f1, r2r, r2].forEach((x, i) => (acc[i]! += x / 5));
    console.log(
      `${name.padEnd(5)} R1F1 ${r1.f1.toFixed(4)} R2F1 ${r2.toFixed(4)}  ${us.map((u) => `${u.article}.${u.position}(${u.words})`).join(" ")}`,
    );
    if (show) for (const u of us) console.log(`   ${u.article}.${u.position} ${u.text}`);
  }
}
for (const [n, t] of Object.entries(totals)) console.log(n.padEnd(8), t.map((x) => x.toFixed(4)).join("  "));
// Per article: how much of its lead the models state (bigram precision against the union of the models).
if (process.argv.includes("--leads")) {
  for (const [t, paths] of topics) {
    const models = readdirSync(modelDir)
      .filter((f) => f.startsWith(`${t}.`))
      .map((f) => readFileSync(`${modelDir}/${f}`, "utf8"));
    if (models.length === 0) continue;
    const arts: Article[] = [];
    for (const p of paths)
      arts.push(
        await processDoc(
          { source: { path: p }, format: "text", bytes: new Uint8Array(readFileSync(corpusPath("multiling2011", p))) },
          p,
          stages,
        ),
      );
    const corpus = buildCorpus(storyDates(arts));
    const line = corpus.byArticle.map((us, a) => {
      const body = us.filter((u) => !u.heading);
      const s = (i: number) => (body[i] ? rougeMulti(body[i]!.text, models, 2).precision.toFixed(2) : "-");
      const h = us.find((u) => u.heading);
      return `${a}:${arts[a]!.published.date?.slice(5) ?? "?"} H${h ? rougeMulti(h.text, models, 2).precision.toFixed(2) : "-"}(${h?.words ?? 0}) ${s(0)}/${s(1)}/${s(2)}`;
    });
    console.log(t, line.join("  "));
  }
}
