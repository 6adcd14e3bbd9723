import { readFileSync } from "node:fs";
import { corpusPath } from "../src/core/paths.js";
import { DocContext } from "../src/core/context.js";
import { extractHtml } from "../src/extract/index.js";
for (const p of [["cnn-arabic","newspaper4k","arabic_article.html"],["assabah","assabah.com.tn.article.html"],["readability-rtl","rtl-1","source.html"],["readability-rtl","rtl-2","source.html"],["readability-rtl","rtl-3","source.html"],["readability-rtl","rtl-4","source.html"]]) {
  const ctx = new DocContext("x");
  const r = extractHtml(readFileSync(corpusPath("extraction", ...p), "utf8"), ctx);
  console.log("=====", p.join("/"), r.title, r.dir, r.via, JSON.stringify(r.meta).slice(0,400), ctx.messages);
  for (const b of r.blocks) console.log(b.role, b.lang, b.text.slice(0, 100));
}
