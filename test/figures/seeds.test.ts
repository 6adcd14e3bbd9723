// Figures of the seed pages against gold.json, and figures on invented sentences.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { corpusPath } from "../../src/core/paths.js";
import { loadHasher } from "../../src/core/hash.js";
import { runStages } from "../../src/pipeline/run.js";
import { extractStage } from "../../src/extract/index.js";
import { figuresStage } from "../../src/annotate/figures/stage.js";
import { findFigures } from "../../src/annotate/figures/find.js";
import type { Article } from "../../src/core/types.js";

interface GoldFigure {
  file: string;
  text: string;
  value: number;
  unit: string;
  qualifier?: string;
}
const gold = JSON.parse(readFileSync(corpusPath("seeds", "gold.json"), "utf8")) as { figures: GoldFigure[] };
const articles = new Map<string, Article>();

before(async () => {
  await loadHasher();
  const dir = corpusPath("seeds");
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt"))) {
    const raw = { source: { path: f }, format: "text" as const, bytes: readFileSync(`${dir}/${f}`) };
    articles.set(f.slice(0, 3), (await runStages(raw, f, [extractStage, figuresStage])).article);
  }
});

test("every gold figure is found with its value, unit and qualifier", () => {
  for (const g of gold.figures) {
    const figs = articles.get(g.file)!.figures;
    const hit = figs.find((f) => f.value === g.value && f.unit === g.unit);
    assert.ok(hit, `${g.file}: ${g.value} ${g.unit} not in ${JSON.stringify(figs.map((f) => [f.value, f.unit]))}`);
    assert.ok(hit.text.includes(g.text) || g.text.includes(hit.text), `${g.file}: text ${hit.text} vs ${g.text}`);
    if (g.qualifier) assert.equal(hit.qualifier, g.qualifier, `${g.file}: ${g.text}`);
  }
});

test("no year of a date is taken as a figure", () => {
  for (const a of articles.values())
    assert.ok(!a.figures.some((f) => f.value >= 1990 && f.value <= 2030 && f.unit === null), a.source.path);
});

const CASES: Array<[string, number, string | null, string?]> = [
  ["ارتفعت الأسعار بنسبة 12.5 بالمئة", 12.5, "percent"],
  ["بلغ العجز ثلاثة مليارات دولار", 3e9, "USD"],
  ["خصص البنك 750 مليون يورو", 7.5e8, "EUR"],
  ["فر نحو ألفي لاجئ", 2000, "people", "about"],
  ["تمتد الطريق لمسافة ١٢٠ كلم", 120, "km"],
  ["شارك ما لا يقل عن 15 دولة", 15, "countries", "at least"],
  ["أرسلت الحكومة 300 جندي", 300, "troops"],
  ["بلغت الخسائر 4 ملايين ريال قطري", 4e6, "QAR"],
  ["قتل عشرون شخصا", 20, "people"],
  ["يحصل على خمسمائة وخمسة وعشرين دينارا كويتيا", 525, "KWD"], // the adjective agrees in the accusative: كويتيا
];

for (const [text, value, unit, qualifier] of CASES) {
  test(`figure: ${text}`, () => {
    const f = findFigures(text);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.equal(f[0]!.value, value);
    assert.equal(f[0]!.unit, unit);
    if (qualifier) assert.equal(f[0]!.qualifier, qualifier);
  });
}
