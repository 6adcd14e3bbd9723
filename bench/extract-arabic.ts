/**
 * Arabic HTML extraction, rasd beside plain Readability on linkedom: CNN Arabic body similarity to the expected
 * text (4-gram shingle F1 as the Zyte benchmark computes it, and word-level F1), Assabah's must/must-not snippets,
 * and the direction of Readability's four rtl pages. Run: npx tsx bench/extract-arabic.ts
 */
import { readFileSync } from "node:fs";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { corpusPath } from "../src/core/paths.js";
import { DocContext } from "../src/core/context.js";
import { emptyArticle, type Doc } from "../src/core/stage.js";
import { extractPage } from "../src/extract/index.js";
import { shingleMatch } from "./extract-score.js";

const ex = (...p: string[]) => readFileSync(corpusPath("extraction", ...p), "utf8");

function plain(html: string): { body: string; dir: string | null } {
  const r = new Readability(parseHTML(html).document as never).parse();
  return { body: r?.textContent ?? "", dir: r?.dir ?? null };
}

function rasd(html: string): { body: string; dir: string | null } {
  const doc: Doc = {
    raw: { source: { path: "p" }, format: "html" },
    decoded: html,
    article: emptyArticle({ path: "p" }),
  };
  extractPage(doc, new DocContext("p"));
  return { body: doc.article.text.split("\n\n").slice(1).join("\n\n"), dir: doc.article.dir ?? null };
}

function f1([tp, fp, fn]: [number, number, number]): number {
  return (2 * tp) / (2 * tp + fp + fn || 1);
}

function wordF1(truth: string, pred: string): number {
  const bag = (s: string) => {
    const m = new Map<string, number>();
    for (const w of s.match(/[\p{L}\p{N}]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  const a = bag(truth);
  const b = bag(pred);
  let tp = 0;
  for (const [w, n] of a) tp += Math.min(n, b.get(w) ?? 0);
  const p = tp / ([...b.values()].reduce((s, x) => s + x, 0) || 1);
  const r = tp / ([...a.values()].reduce((s, x) => s + x, 0) || 1);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

const cnnHtml = ex("cnn-arabic", "newspaper4k", "arabic_article.html");
const cnnTruth = ex("cnn-arabic", "newspaper4k", "arabic_article.txt");
const assabah = ex("assabah", "assabah.com.tn.article.html");
const gold = Object.values(
  JSON.parse(ex("assabah", "gold.json")) as Record<string, { with: string[]; without: string[] }>,
)[0];
console.log("Arabic HTML                         readability(plain)   rasd");
const rows: [string, (h: string) => { body: string; dir: string | null }][] = [
  ["plain", plain],
  ["rasd", rasd],
];
const cell = (f: (run: (h: string) => { body: string; dir: string | null }) => string) =>
  rows.map(([, run]) => f(run).padStart(12)).join("");
console.log(
  `CNN Arabic shingle F1               ${cell((run) => f1(shingleMatch(cnnTruth, run(cnnHtml).body)).toFixed(3))}`,
);
console.log(`CNN Arabic word F1                  ${cell((run) => wordF1(cnnTruth, run(cnnHtml).body).toFixed(3))}`);
console.log(
  `Assabah "with" snippets found       ${cell((run) => `${gold?.with.filter((s) => run(assabah).body.includes(s)).length}/${gold?.with.length}`)}`,
);
console.log(
  `Assabah "without" snippets kept     ${cell((run) => `${gold?.without.filter((s) => run(assabah).body.includes(s)).length}/${gold?.without.length}`)}`,
);
for (const n of [1, 2, 3, 4]) {
  const html = ex("readability-rtl", `rtl-${n}`, "source.html");
  console.log(`readability-rtl-${n} direction         ${cell((run) => String(run(html).dir))}`);
}
console.log(`CNN Arabic direction                ${cell((run) => String(run(cnnHtml).dir))}`);
