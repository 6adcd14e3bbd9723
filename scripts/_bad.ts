import { DocContext } from "../src/core/context.js";
import { extractHtml } from "../src/extract/index.js";
const para = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية خلال الموسم المقبل بحسب بيان رسمي.";
const which = process.argv[2];
let html = "";
if (which === "big") { const chunk = `<div class="c"><p>${para}</p><span>x</span></div>\n`; html = `<html><body>${chunk.repeat(Math.ceil(50_000_000 / chunk.length))}</body></html>`; }
if (which === "deep") { const n = 100000; html = `<html><body>${"<div>".repeat(n)}<p>${para}</p>${"</div>".repeat(n)}</body></html>`; }
if (which === "bin") html = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join("");
const t0 = performance.now();
const ctx = new DocContext("x");
const r = extractHtml(html, ctx);
console.log(which, (performance.now() - t0).toFixed(0), "ms", r.via, r.blocks.length, ctx.messages.map((m) => m.rule));
