import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { RasdError } from "../../src/core/errors.js";
import { parseFeed } from "../../src/source/feed.js";
import { readInput, type SourceItem } from "../../src/source/read.js";
import { kindOf } from "../../src/source/walk.js";
import { corpus } from "./corpus.js";
import { Counter, assertClearRejection, params } from "./harness.js";
import { junk, mutate, ops } from "./mutate.js";

let records: string[] = [];
let dir = "";

before(async () => {
  records = (await corpus()).records;
  dir = mkdtempSync(join(tmpdir(), "rasd-fuzz-readers-"));
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Reads a whole input file; the reader itself must never throw, only yield items. */
async function readAll(counter: Counter, path: string): Promise<SourceItem[]> {
  const kind = kindOf(path);
  assert.ok(kind !== undefined);
  return counter.timeAsync(
    async () => {
      const out: SourceItem[] = [];
      for await (const item of readInput({ path, ...kind, explicit: true })) out.push(item);
      return out;
    },
    10_000,
    path,
  );
}

function checkItems(counter: Counter, items: readonly SourceItem[], path: string): void {
  for (const item of items) {
    if (item.ok === false) {
      counter.rejected++;
      assertClearRejection(item.error, path, ["PARSE", "DECODE", "EMPTY", "NOT_FOUND"]);
    } else if (item.ok === true) {
      assert.equal(typeof (item.raw.text ?? ""), "string");
      assert.ok(item.sourceKey.length > 0);
    }
  }
}

/** Escapes text for XML: the feed template is ours; the values are the (mutated) records'. */
function x(s: unknown): string {
  return String(s ?? "")
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;");
}

function feedOf(recs: ReadonlyArray<Record<string, unknown>>, atom: boolean): string {
  if (atom) {
    const entries = recs.map(
      (r) =>
        `<entry><title>${x(r["title"])}</title><link href="${x(r["url"])}"/><id>${x(r["url"])}</id><updated>2015-07-21T02:51:32Z</updated><content type="html">${x(r["content"] ?? r["text"])}</content></entry>`,
    );
    return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>${entries.join("")}</feed>`;
  }
  const items = recs.map(
    (r) =>
      `<item><title>${x(r["title"])}</title><link>${x(r["url"])}</link><pubDate>Tue, 21 Jul 2015 02:51:32 GMT</pubDate><description><![CDATA[${String(r["content"] ?? r["text"] ?? "")}]]></description></item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>${items.join("")}</channel></rss>`;
}

describe("fuzz: JSON Lines, JSON and feed readers", () => {
  it("JSON Lines (plain and gzipped) with mutated, cut and junk lines: every line read or refused by number", async (t) => {
    const counter = new Counter("readers/jsonl");
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.option(ops, { freq: 2, nil: undefined })), { minLength: 1, maxLength: 6 }),
        fc.array(junk, { maxLength: 3 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 400 }), { freq: 4, nil: undefined }),
        async (picks, junkLines, gz, cutGzipAt) => {
          const lines = [
            ...picks.map(([i, list]) =>
              list ? mutate(records[i % records.length]!, list) : records[i % records.length]!,
            ),
            ...junkLines,
          ];
          const body = lines.join("\n") + "\n";
          const path = join(dir, `in-${n++}.jsonl${gz ? ".gz" : ""}`);
          let bytes: Uint8Array = gz ? gzipSync(body) : Buffer.from(body);
          if (gz && cutGzipAt !== undefined) bytes = bytes.subarray(0, Math.max(1, bytes.length - cutGzipAt));
          writeFileSync(path, bytes);
          const items = await readAll(counter, path);
          checkItems(counter, items, path);
          // Unmutated records always come through as articles (unless the gzip stream was cut short).
          if (!(gz && cutGzipAt !== undefined)) {
            const intact = picks.filter(([, list]) => list === undefined).length;
            assert.ok(items.filter((i) => i.ok === true).length >= intact, `${path}: an intact record was lost`);
          }
        },
      ),
      params(200),
    );
    t.diagnostic(counter.line());
  });

  it("JSON documents: mutated records, arrays and non-objects", async (t) => {
    const counter = new Counter("readers/json");
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        ops,
        fc.boolean(),
        async (picks, list, asArray) => {
          const recs = picks.map((i) => records[i % records.length]!);
          const text = mutate(asArray ? `[${recs.join(",")}]` : recs[0]!, list);
          const path = join(dir, `doc-${n++}.json`);
          writeFileSync(path, text);
          checkItems(counter, await readAll(counter, path), path);
        },
      ),
      params(200),
    );
    t.diagnostic(counter.line());
  });

  it("RSS and Atom feeds built from real records, then mutated", async (t) => {
    const counter = new Counter("readers/feeds");
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        ops,
        fc.boolean(),
        async (picks, list, atom) => {
          const recs = picks.map((i) => JSON.parse(records[i % records.length]!) as Record<string, unknown>);
          const xml = mutate(feedOf(recs, atom), list);
          const path = join(dir, `feed-${n++}.${atom ? "atom" : "xml"}`);
          writeFileSync(path, xml);
          checkItems(counter, await readAll(counter, path), path);
          // parseFeed itself, as `rasd watch` calls it on what a server sends.
          const feed = counter.time(() => parseFeed(xml), 5000, "parseFeed");
          for (const item of feed.items) assert.ok("error" in item.record || typeof item.record.text === "string");
        },
      ),
      params(200),
    );
    t.diagnostic(counter.line());
  });

  it("files that are not what their name says (binary, empty, HTML as .jsonl) are refused with the file named", async (t) => {
    const counter = new Counter("readers/misnamed");
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom("jsonl", "json", "xml", "rss", "json.gz", "jsonl.gz"),
        async (bytes, ext) => {
          const path = join(dir, `bin-${n++}.${ext}`);
          writeFileSync(path, bytes);
          const items = await readAll(counter, path);
          checkItems(counter, items, path);
          for (const i of items) if (i.ok === false) assert.ok(i.error instanceof RasdError);
        },
      ),
      params(300),
    );
    t.diagnostic(counter.line());
  });
});
