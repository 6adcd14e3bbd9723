/**
 * Zyte article-body benchmark (../shared/corpus/extraction/zyte, 90 pages), rasd's extractor side by side with
 * plain Readability on linkedom, scored as the benchmark's evaluate.py scores (see extract-score.ts), on all pages
 * and on each part of the site-disjoint split (extract-split.ts): rules are written from the tuning part only.
 * Run: npx tsx bench/extract-zyte.ts [--show N]   (prints the N worst tuning pages for rasd)
 */
import { readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { corpusPath } from "../src/core/paths.js";
import { DocContext } from "../src/core/context.js";
import { extractHtml } from "../src/extract/index.js";
import { metrics, shingleMatch, type Tpfpfn } from "./extract-score.js";
import { zytePart, type ZytePart } from "./extract-split.js";

const dir = corpusPath("extraction", "zyte");
const truth = JSON.parse(readFileSync(`${dir}/ground-truth.json`, "utf8")) as Record<
  string,
  { articleBody: string; url: string }
>;
const pages = readdirSync(`${dir}/html`)
  .filter((f) => f.endsWith(".html.gz"))
  .sort()
  .map((f) => ({
    id: f.replace(/\.html\.gz$/u, ""),
    html: gunzipSync(readFileSync(`${dir}/html/${f}`)).toString("utf8"),
  }))
  .map((p) => ({ ...p, part: zytePart(truth[p.id]?.url ?? "") }));

function plainReadability(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document as never).parse()?.textContent ?? "";
}

function rasdBody(html: string): string {
  const r = extractHtml(html, new DocContext("zyte"));
  return r.blocks
    .filter((b) => b.role === "body" || b.role === "subheading")
    .map((b) => b.text)
    .join("\n\n");
}

const systems: Record<string, (html: string) => string> = {
  "readability (plain, linkedom)": plainReadability,
  rasd: rasdBody,
};
const rows: Record<string, Tpfpfn[]> = {};
const perPage: { id: string; part: ZytePart; f: number }[] = [];
for (const [name, run] of Object.entries(systems)) {
  rows[name] = pages.map(({ id, html, part }) => {
    const m = shingleMatch(truth[id]?.articleBody ?? "", run(html));
    if (name === "rasd") perPage.push({ id, part, f: (2 * m[0]) / (2 * m[0] + m[1] + m[2] || 1) });
    return m;
  });
}
const parts: [string, (part: ZytePart) => boolean][] = [
  ["all", () => true],
  ["tuning", (p) => p === "tuning"],
  ["checking", (p) => p === "checking"],
];
console.log(`Zyte benchmark, ${pages.length} pages (token 4-gram shingles as evaluate.py), site-disjoint split`);
console.log("system                          part       pages  precision  recall   F1");
for (const [name, r] of Object.entries(rows)) {
  for (const [label, keep] of parts) {
    const chosen = r.filter((_, i) => keep(pages[i]?.part as ZytePart));
    const m = metrics(chosen);
    console.log(
      `${name.padEnd(32)}${label.padEnd(9)}${String(chosen.length).padStart(7)}${m.precision.toFixed(3).padStart(11)}${m.recall.toFixed(3).padStart(8)}${m.f1.toFixed(3).padStart(7)}`,
    );
  }
}
const show = Number(process.argv[process.argv.indexOf("--show") + 1] ?? 0);
if (process.argv.includes("--show")) {
  const tuning = perPage.filter((p) => p.part === "tuning").sort((a, b) => a.f - b.f);
  for (const p of tuning.slice(0, show)) console.log(p.f.toFixed(3), p.id, truth[p.id]?.url);
}
