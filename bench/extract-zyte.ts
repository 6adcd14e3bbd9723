/**
 * Zyte article-body benchmark (../shared/corpus/extraction/zyte, 90 pages), rasd's extractor side by side with
 * plain Readability on linkedom, scored as the benchmark's evaluate.py scores (see extract-score.ts).
 * Run: npx tsx bench/extract-zyte.ts [--show N]   (prints the N worst pages for rasd)
 */
import { readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { corpusPath } from "../src/core/paths.js";
import { DocContext } from "../src/core/context.js";
import { extractHtml } from "../src/extract/index.js";
import { metrics, shingleMatch, type Tpfpfn } from "./extract-score.js";

const dir = corpusPath("extraction", "zyte");
const truth = JSON.parse(readFileSync(`${dir}/ground-truth.json`, "utf8")) as Record<string, { articleBody: string }>;
const pages = readdirSync(`${dir}/html`)
  .filter((f) => f.endsWith(".html.gz"))
  .sort()
  .map((f) => ({
    id: f.replace(/\.html\.gz$/u, ""),
    html: gunzipSync(readFileSync(`${dir}/html/${f}`)).toString("utf8"),
  }));

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
const perPage: { id: string; f: number }[] = [];
for (const [name, run] of Object.entries(systems)) {
  rows[name] = pages.map(({ id, html }) => {
    const m = shingleMatch(truth[id]?.articleBody ?? "", run(html));
    if (name === "rasd") perPage.push({ id, f: (2 * m[0]) / (2 * m[0] + m[1] + m[2] || 1) });
    return m;
  });
}
console.log(`Zyte benchmark, ${pages.length} pages (token 4-gram shingles as evaluate.py)`);
console.log("system                          precision  recall   F1");
for (const [name, r] of Object.entries(rows)) {
  const m = metrics(r);
  console.log(
    `${name.padEnd(32)}${m.precision.toFixed(3).padStart(9)}${m.recall.toFixed(3).padStart(8)}${m.f1.toFixed(3).padStart(7)}`,
  );
}
const show = Number(process.argv[process.argv.indexOf("--show") + 1] ?? 0);
if (process.argv.includes("--show")) {
  for (const p of perPage.sort((a, b) => a.f - b.f).slice(0, show)) console.log(p.f.toFixed(3), p.id);
}
