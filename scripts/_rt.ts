import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
const dir = "/work/shared/corpus/extraction/zyte/html/";
const files = readdirSync(dir).slice(0, 30).map((f) => gunzipSync(readFileSync(dir + f)).toString("utf8"));
let t0 = performance.now(); let bytes = 0;
for (const h of files) { bytes += h.length; const { document } = parseHTML(h); }
let t1 = performance.now();
for (const h of files) { const { document } = parseHTML(h); const r = new Readability(document as any).parse(); }
let t2 = performance.now();
for (const h of files) { const c = h.replace(/<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>|<!--[\s\S]*?-->|<svg\b[\s\S]*?<\/svg>/gi, ""); const { document } = parseHTML(c); const r = new Readability(document as any).parse(); }
let t3 = performance.now();
console.log({ avgKB: bytes / files.length / 1024, parseMs: (t1 - t0) / files.length, fullMs: (t2 - t1) / files.length, strippedMs: (t3 - t2) / files.length });
