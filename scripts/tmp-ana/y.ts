import { readFileSync, readdirSync } from "node:fs";
import { sentences } from "../../src/analysis/ar/index.js";
const d="/work/shared/corpus/seeds/"; const f=readdirSync(d).find(x=>x.startsWith("002"))!;
for (const s of sentences(readFileSync(d+f,"utf8"))) console.log(s.text.length, s.text.slice(0,50), "…", s.text.slice(-30));
