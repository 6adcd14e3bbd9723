// Where an article's one date comes from (published.source), and the dates issue 19 names: Hijri numeric dates, a
// page whose only date is its "published on" line, an Arabic article:published_time, a record's Arabic or Hijri date,
// and the feed item's / record's timestamp as a labelled fallback. Invented pages and records, our own words.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { readStamp } from "../../src/annotate/published/stamp.js";
import { loadHasher } from "../../src/core/hash.js";
import type { RawDoc } from "../../src/core/stage.js";
import { processDoc } from "../../src/pipeline/run.js";
import { createStages } from "../../src/assemble/stages.js";
import { mapRecord } from "../../src/source/records.js";

const stages = createStages();

const BODY =
  "أعلنت وزارة التربية عن افتتاح ثلاث مدارس جديدة في المدينة، وقال المتحدث باسم الوزارة إن المدارس ستستقبل الطلاب مع بداية العام الدراسي المقبل. وأضاف أن العمل في مدرسة رابعة سيبدأ قريبا.";

function page(head: string, body: string): RawDoc {
  const html = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>افتتاح مدارس جديدة</title>${head}</head><body><article><h1>افتتاح مدارس جديدة</h1>${body}<p>${BODY}</p><p>${BODY}</p></article></body></html>`;
  return { source: { path: "p.html" }, format: "html", bytes: new TextEncoder().encode(html) };
}

function record(fields: Record<string, unknown>): RawDoc {
  const r = mapRecord({ title: "افتتاح مدارس جديدة", content: `${BODY}\n${BODY}`, ...fields });
  assert.ok(!("error" in r));
  return { source: { path: "r.jsonl", record: 1 }, format: "record", text: r.text, meta: r.meta };
}

before(loadHasher);

describe("published.source", () => {
  test("a page that dates itself: source page", async () => {
    const a = await processDoc(
      page(`<meta property="article:published_time" content="2020-04-24T10:00:00+03:00">`, ""),
      "k1",
      stages,
    );
    assert.deepEqual([a.published.date, a.published.source], ["2020-04-24", "page"]);
  });

  test("an Arabic article:published_time is read", async () => {
    const a = await processDoc(
      page(`<meta property="article:published_time" content="الجمعة 24 نيسان 2020">`, ""),
      "k2",
      stages,
    );
    assert.deepEqual([a.published.date, a.published.source], ["2020-04-24", "page"]);
  });

  test("a page whose only date is its 'published on' line (weekday, day, Levantine/Gregorian pair, year)", async () => {
    const a = await processDoc(page("", `<p>تم نشره الجمعة 24 نيسان / أبريل 2020</p>`), "k3", stages);
    assert.deepEqual([a.published.date, a.published.source], ["2020-04-24", "page"]);
  });

  test("a numeric Hijri dateline is Hijri (4 Shawwal 1436), never the Gregorian year 1436", async () => {
    const text = `افتتاح مدارس جديدة\nالرياض - 4/10/1436\n${BODY}\n${BODY}\n`;
    const raw: RawDoc = { source: { path: "t.txt" }, format: "text", bytes: new TextEncoder().encode(text) };
    const a = await processDoc(raw, "k4", stages);
    assert.deepEqual([a.published.date, a.published.source], ["2015-07-20", "page"]);
  });

  test("a record's crawl time dates an undated article, labelled crawl", async () => {
    const a = await processDoc(record({ date_extracted: "2015-07-21 02:51:32" }), "k5", stages);
    assert.deepEqual([a.published.date, a.published.source], ["2015-07-21", "crawl"]);
    assert.match(a.published.evidence, /crawl/u);
  });

  test("a feed item's date dates an undated article, labelled feed; a page's own date wins over it", async () => {
    const item = mapRecord({
      title: "t",
      content: "",
      url: "https://invented.example/1",
      published: "2020-04-24T10:00:00Z",
    });
    assert.ok(!("error" in item));
    item.meta.publishedIsFeed = true;
    const undated = await processDoc({ ...page("", ""), meta: item.meta }, "k6", stages);
    assert.deepEqual([undated.published.date, undated.published.source], ["2020-04-24", "feed"]);
    const dated = await processDoc(
      { ...page(`<meta property="article:published_time" content="2020-04-23T10:00:00Z">`, ""), meta: item.meta },
      "k7",
      stages,
    );
    assert.deepEqual([dated.published.date, dated.published.source], ["2020-04-23", "page"]);
  });

  test("a record's Arabic or Hijri date field is read; HTML entities in its fields are decoded", async () => {
    const a = await processDoc(record({ date: "الأحد 12 شوال 1436 هـ", author: "&quot;مراسل&quot;" }), "k8", stages);
    assert.deepEqual([a.published.date, a.published.source], ["2015-07-28", "page"]);
    const r = mapRecord({ title: "قال &quot;الوزير&quot; إن", content: "نص" });
    assert.ok(!("error" in r));
    assert.equal(r.meta.title, 'قال "الوزير" إن');
  });
});

describe("stamps", () => {
  const day = (v: string, dayFirst = false) => {
    const s = readStamp(v, { dayFirst, year: 2024 });
    return s === undefined ? undefined : "day" in s ? s.day : s.ambiguous;
  };
  test("ISO, RFC 822, Unix time", () => {
    assert.equal(day("2015-07-21T02:51:32+03:00"), "2015-07-21", "the day as the publisher wrote it");
    assert.equal(day("Tue, 15 Dec 2015 09:30:00 +0300"), "2015-12-15");
    assert.equal(day("1437465092"), "2015-07-21");
  });
  test("numeric: certain, day-first when told, ambiguous otherwise; two-digit years", () => {
    assert.equal(day("13/12/2020"), "2020-12-13");
    assert.equal(day("12/13/2020"), "2020-12-13");
    assert.equal(day("01/12/2020", true), "2020-12-01");
    assert.deepEqual(day("01/12/2020"), ["2020-12-01", "2020-01-12"]);
    assert.equal(day("15/12/15"), "2015-12-15");
    assert.equal(day("15/12/99"), "1999-12-15");
  });
  test("Hijri: numeric and with month names", () => {
    assert.equal(day("4/10/1436"), "2015-07-20");
    assert.equal(day("1436-10-04"), "2015-07-20");
    assert.equal(day("12 شوال 1436 هـ"), "2015-07-28");
  });
  test("Arabic month names, Levantine and Gregorian", () => {
    assert.equal(day("24 نيسان / أبريل 2020"), "2020-04-24");
    assert.equal(day("الثلاثاء 21 يوليو 2015"), "2015-07-21");
  });
  test("not a date", () => {
    assert.equal(day("soon"), undefined);
    assert.equal(day("201542-07-21"), undefined);
  });
});
