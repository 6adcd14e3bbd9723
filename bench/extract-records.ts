/**
 * Over-classification check on clean article text: records from a news stream (../shared/corpus/streams/*.jsonl.gz,
 * every 50th) go through the record path; their bodies are almost all paragraphs, so any role other than body,
 * subheading and title is a candidate false positive. Prints the role counts and samples of the rest.
 * Run: npx tsx bench/extract-records.ts [streams/saudinewsnet.jsonl.gz]
 */
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { createInterface } from "node:readline";
import { DocContext } from "../src/core/context.js";
import { corpusPath } from "../src/core/paths.js";
import { emptyArticle, type Doc } from "../src/core/stage.js";
import { extractRecord } from "../src/extract/index.js";
const file = corpusPath(...(process.argv[2] ?? "streams/saudinewsnet.jsonl.gz").split("/"));
const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()) });
const counts = new Map<string, number>();
let n = 0;
const samples = new Map<string, string[]>();
for await (const line of rl) {
  if (n++ % 50 !== 0) continue;
  if (n > 30000) break;
  const r = JSON.parse(line) as { title?: string; outlet?: string; url?: string; content?: string; text?: string };
  const doc: Doc = {
    raw: {
      source: { path: "s" },
      format: "record",
      meta: {
        ...(r.title === undefined ? {} : { title: r.title }),
        ...(r.outlet === undefined ? {} : { outlet: r.outlet }),
        ...(r.url === undefined ? {} : { url: r.url }),
      },
    },
    decoded: r.content ?? r.text ?? "",
    article: emptyArticle({ path: "s" }),
  };
  extractRecord(doc, new DocContext("s"));
  for (const b of doc.article.blocks) {
    counts.set(b.role, (counts.get(b.role) ?? 0) + 1);
    if (b.role !== "body" && b.role !== "title") {
      const s = samples.get(b.role) ?? [];
      if (s.length < 15) s.push(r.outlet + " | " + b.text.slice(0, 110));
      samples.set(b.role, s);
    }
  }
}
console.log(counts);
for (const [k, v] of samples) {
  console.log("==", k);
  for (const s of v) console.log("  ", s);
}
