import { before, describe, it } from "node:test";
import fc from "fast-check";
import { DocContext } from "../../src/core/context.js";
import { loadHasher } from "../../src/core/hash.js";
import { emptyArticle, type Doc, type RawDoc } from "../../src/core/stage.js";
import { extractStage } from "../../src/extract/index.js";
import { runStages } from "../../src/pipeline/run.js";
import { createStages } from "../../src/assemble/stages.js";
import type { Stage } from "../../src/core/stage.js";
import { assertArticle } from "./article.js";
import { corpus, type Page } from "./corpus.js";
import { Counter, assertClearRejection, params } from "./harness.js";
import { junk, mutate, ops } from "./mutate.js";

let seeds: Page[] = [];
let html: Page[] = [];
let records: string[] = [];
let stages: Stage[] = [];

before(async () => {
  await loadHasher();
  ({ seeds, html, records } = await corpus());
  stages = createStages();
});

/** One extraction call on already-decoded text, as the pipeline makes it. */
function extractOnly(format: RawDoc["format"], text: string, name: string, meta?: RawDoc["meta"]): Doc {
  const raw: RawDoc = { source: { path: name }, format, text, ...(meta ? { meta } : {}) };
  const doc: Doc = { raw, decoded: text, article: emptyArticle(raw.source) };
  const ctx = new DocContext(name);
  extractStage.run(doc, ctx);
  doc.article.messages = ctx.messages;
  return doc;
}

/** The whole per-document pipeline (decode, extract, annotate) on bytes, as `rasd ingest` runs it. */
async function pipeline(
  counter: Counter,
  format: RawDoc["format"],
  text: string,
  name: string,
  limitMs: number,
): Promise<void> {
  const raw: RawDoc =
    format === "record"
      ? { source: { path: name }, format, text }
      : { source: { path: name }, format, bytes: new TextEncoder().encode(text) };
  try {
    const doc = await counter.timeAsync(() => runStages(raw, name, stages), limitMs, name);
    assertArticle(doc.article, name);
  } catch (e) {
    if (e instanceof Error && e.name === "AssertionError") throw e;
    counter.rejected++;
    assertClearRejection(e, name, ["DECODE", "EMPTY", "PARSE", "TOO_LARGE"]);
  }
}

// Bounds per call, generous for a loaded 2-core CI machine; a superlinear path blows far past them.
const EXTRACT_MS = 10_000;
const PIPELINE_MS = 20_000;

describe("fuzz: extraction", () => {
  it("mutated scraped text (the seeds) extracts without crashing", (t) => {
    const counter = new Counter("extract/text-seeds");
    fc.assert(
      fc.property(fc.nat(), ops, (i, list) => {
        const page = seeds[i % seeds.length]!;
        const doc = counter.time(() => extractOnly("text", mutate(page.text, list), page.name), EXTRACT_MS, page.name);
        assertArticle(doc.article, page.name);
      }),
      params(300),
    );
    t.diagnostic(counter.line());
  });

  it("mutated HTML pages (CNN Arabic, Assabah, RTL, Zyte) extract without crashing", (t) => {
    const counter = new Counter("extract/html-pages");
    fc.assert(
      fc.property(fc.nat(), ops, (i, list) => {
        // Arabic pages every other run; the Zyte pages share the rest.
        const page = i % 2 === 0 ? html[(i / 2) % 7]! : html[i % html.length]!;
        const doc = counter.time(() => extractOnly("html", mutate(page.text, list), page.name), EXTRACT_MS, page.name);
        assertArticle(doc.article, page.name);
      }),
      params(120),
    );
    t.diagnostic(counter.line());
  });

  it("generated markup and text (random tags, junk, lone surrogates) extract without crashing", (t) => {
    const counter = new Counter("extract/generated");
    const tag = fc.constantFrom(
      "div",
      "p",
      "span",
      "article",
      "h1",
      "table",
      "td",
      "li",
      "a",
      "b",
      "time",
      "script",
      "br",
      "figure",
      "figcaption",
    );
    const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.oneof(junk, fc.string({ unit: "grapheme", maxLength: 30 })),
        fc
          .tuple(tag, fc.array(tie("node"), { maxLength: 4 }), fc.boolean())
          .map(([t, kids, close]) => `<${t}>${kids.join("")}${close ? `</${t}>` : ""}`),
      ),
    })).node;
    fc.assert(
      fc.property(
        fc.array(node, { maxLength: 8 }),
        fc.constantFrom("html" as const, "text" as const, "record" as const),
        (parts, format) => {
          const doc = counter.time(
            () => extractOnly(format, parts.join("\n"), "generated.html"),
            EXTRACT_MS,
            "generated",
          );
          assertArticle(doc.article, "generated.html");
        },
      ),
      params(400),
    );
    t.diagnostic(counter.line());
  });

  it("mutated stream records (text, title, date fields) go through the whole pipeline", async (t) => {
    const counter = new Counter("pipeline/records");
    await fc.assert(
      fc.asyncProperty(fc.nat(), ops, fc.option(junk, { nil: undefined }), async (i, list, title) => {
        const rec = JSON.parse(records[i % records.length]!) as Record<string, unknown>;
        const text = String(rec["content"] ?? rec["text"] ?? "");
        const raw = mutate(text, list).slice(0, 40_000);
        const name = `streams#${i % records.length}`;
        const meta = {
          title: title ?? String(rec["title"] ?? ""),
          published: mutate(String(rec["date_extracted"] ?? rec["time"] ?? ""), list.slice(0, 1)),
        };
        const src: RawDoc = { source: { path: name, record: 1 }, format: "record", text: raw, meta };
        try {
          const doc = await counter.timeAsync(() => runStages(src, name, stages), PIPELINE_MS, name);
          assertArticle(doc.article, name);
        } catch (e) {
          if (e instanceof Error && e.name === "AssertionError") throw e;
          counter.rejected++;
          assertClearRejection(e, name, ["DECODE", "EMPTY", "PARSE"]);
        }
      }),
      params(40),
    );
    t.diagnostic(counter.line());
  });

  it("mutated pages go through the whole pipeline (decode, extract, dates, figures, entities, quotes)", async (t) => {
    const counter = new Counter("pipeline/pages");
    await fc.assert(
      fc.asyncProperty(fc.nat(), ops, fc.boolean(), async (i, list, asHtml) => {
        const page = asHtml ? html[i % 7]! : seeds[i % seeds.length]!;
        await pipeline(counter, asHtml ? "html" : "text", mutate(page.text, list), page.name, PIPELINE_MS);
      }),
      params(40),
    );
    t.diagnostic(counter.line());
  });
});
