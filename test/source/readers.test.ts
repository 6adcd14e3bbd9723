import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import fc from "fast-check";
import { RasdError } from "../../src/core/errors.js";
import { decodeBytes } from "../../src/decode/decode.js";
import { parseFeed } from "../../src/source/feed.js";
import { readInput, type SourceItem } from "../../src/source/read.js";
import { mapRecord, titleFromUrl } from "../../src/source/records.js";
import { walkInputs } from "../../src/source/walk.js";
import { tempDir } from "../helpers/cli.js";

// An invented feed, our own words.
const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>وكالة الأنباء المتخيلة</title>
<item><title>افتتاح جسر جديد في المدينة</title><link>https://invented.example/news/1</link>
<pubDate>Tue, 15 Dec 2015 09:30:00 +0300</pubDate><description>افتتح المحافظ اليوم الثلاثاء جسرا جديدا.</description></item>
<item><title>مباراة ودية</title><link>https://invented.example/news/2</link><guid>n-2</guid>
<content:encoded><![CDATA[<p>فاز الفريق المحلي في مباراة ودية أمس.</p>]]></content:encoded></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Invented</title>
<entry><title>خبر</title><link href="https://invented.example/a"/><id>tag:a</id><updated>2016-02-11T10:00:00Z</updated><summary>ملخص خبر مختلق.</summary></entry></feed>`;

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("records", () => {
  test("stream fields map onto the article", () => {
    const r = mapRecord({
      outlet: "o",
      url: "https://x.example/1",
      date_extracted: "2015-07-21 02:51:32",
      title: "t",
      author: "a",
      content: "نص",
    });
    assert.ok(!("error" in r));
    assert.equal(r.text, "نص");
    assert.equal(r.meta.outlet, "o");
    assert.equal(r.meta.published, "2015-07-21T02:51:32.000Z");
    assert.equal(r.meta.publishedIsCrawl, true, "a crawl date is never taken for a publication date");
  });

  test("the full text wins over an abstract", () => {
    const r = mapRecord({ title: "t", abstract: "قصير", text: "نص أطول بكثير من الملخص القصير" });
    assert.ok(!("error" in r));
    assert.equal(r.text, "نص أطول بكثير من الملخص القصير");
    assert.equal(r.meta.summary, "قصير");
  });

  test("an empty scraped record with a URL is an (empty) article, titled from its URL slug", () => {
    const r = mapRecord({
      url: "https://x.example/node/1/%D9%83%D9%8A%D9%81-%D8%AA%D8%B3%D8%B9%D9%81-%D8%B7%D9%81%D9%84%D8%A7.html",
      title: "",
      content: " ",
    });
    assert.ok(!("error" in r));
    assert.equal(r.meta.title, "كيف تسعف طفلا");
    assert.equal(titleFromUrl("https://x.example/node/623908/pdf"), undefined);
  });

  test("JSON that is not an article says why", () => {
    for (const v of [null, 3, "s", [], { hello: "world" }]) {
      const r = mapRecord(v);
      assert.ok("error" in r, JSON.stringify(v));
    }
  });

  test("property: any JSON value maps or is refused, never throws", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = mapRecord(v);
        assert.ok("error" in r || typeof r.text === "string");
      }),
    );
  });
});

describe("feeds", () => {
  test("RSS 2.0 items with content:encoded, description, dates and links", () => {
    const f = parseFeed(RSS);
    assert.equal(f.title, "وكالة الأنباء المتخيلة");
    assert.equal(f.items.length, 2);
    const [a, b] = f.items.map((i) => i.record);
    assert.ok(a && !("error" in a) && b && !("error" in b));
    assert.equal(a.meta.url, "https://invented.example/news/1");
    assert.equal(a.meta.published, "2015-12-15T06:30:00.000Z");
    assert.equal(a.meta.outlet, "وكالة الأنباء المتخيلة");
    assert.equal(b.html, true);
    assert.match(b.text, /فاز الفريق/);
  });

  test("Atom entries with href links", () => {
    const f = parseFeed(ATOM);
    const r = f.items[0]?.record;
    assert.ok(r && !("error" in r));
    assert.equal(r.meta.url, "https://invented.example/a");
    assert.equal(r.meta.published, "2016-02-11T10:00:00.000Z");
  });

  test("property: mutated feeds never throw", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: RSS.length }),
        fc.integer({ min: 0, max: 200 }),
        fc.string({ maxLength: 20 }),
        (at, cut, insert) => {
          const xml = RSS.slice(0, at) + insert + RSS.slice(Math.min(RSS.length, at + cut));
          const f = parseFeed(xml);
          assert.ok(Array.isArray(f.items));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("reading inputs", () => {
  test("folders are walked recursively in name order; hidden and unknown files are passed over", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "b", "c"), { recursive: true });
    writeFileSync(join(dir, "b", "c", "z.txt"), "نص");
    writeFileSync(join(dir, "a.html"), "<p>نص</p>");
    writeFileSync(join(dir, ".hidden.txt"), "x");
    writeFileSync(join(dir, "notes.docx"), "x");
    writeFileSync(join(dir, "feed.xml"), RSS);
    const items = await all(walkInputs([dir]));
    assert.deepEqual(
      items.map((i) => (i.ok ? i.file.path.slice(dir.length + 1) : "!")),
      ["a.html", "b/c/z.txt", "feed.xml"],
    );
  });

  test("a feed file yields one document per item, keyed by URL", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "f.rss"), RSS);
    const [w] = await all(walkInputs([join(dir, "f.rss")]));
    assert.ok(w?.ok);
    const docs = (await all(readInput(w.file))) as SourceItem[];
    assert.deepEqual(
      docs.map((d) => (d.ok === true ? d.sourceKey : "!")),
      ["https://invented.example/news/1", "https://invented.example/news/2"],
    );
  });

  test("property: random bytes are decoded or refused with a RasdError, never anything else", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), (bytes, html) => {
        try {
          assert.equal(typeof decodeBytes(bytes, "x", { html }).text, "string");
        } catch (e) {
          assert.ok(e instanceof RasdError, String(e));
        }
      }),
      { numRuns: 500 },
    );
  });
});
