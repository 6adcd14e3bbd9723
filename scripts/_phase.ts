import { readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { DocContext } from "../src/core/context.js";
import { guardHtml } from "../src/extract/html/guard.js";
import { readMeta } from "../src/extract/html/meta.js";
import { blocksOf } from "../src/extract/html/blocks.js";
import { refineBlocks } from "../src/extract/html/refine.js";
const dir = "/work/shared/corpus/extraction/zyte/html/";
const pages = readdirSync(dir).map((f) => gunzipSync(readFileSync(dir + f)).toString("utf8"));
const t: Record<string, number> = {};
const lap = (k: string, t0: number) => { t[k] = (t[k] ?? 0) + performance.now() - t0; return performance.now(); };
for (let rep = 0; rep < 2; rep++) for (const h of pages) {
  let t0 = performance.now();
  const g = guardHtml(h, new DocContext("x"))!; t0 = lap("guard", t0);
  const { document } = parseHTML(g.html); t0 = lap("parse", t0);
  readMeta(document as any, g.jsonLd); t0 = lap("meta", t0);
  const r = new Readability<any>(document as never, { serializer: (n) => n, disableJSONLD: true }).parse(); t0 = lap("readability", t0);
  const raw = blocksOf(r!.content); t0 = lap("blocks", t0);
  refineBlocks(raw, ""); t0 = lap("refine", t0);
}
for (const k in t) console.log(k, (t[k]! / pages.length / 2).toFixed(2), "ms/page");
