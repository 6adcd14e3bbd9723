import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseFeed, type ParsedFeed } from "../../src/source/feed.js";
import type { MappedRecord } from "../../src/source/records.js";
import { compare, feedCases } from "./feed-corpus.js";

// Invented feeds, our own words.
function rss(items: string, channel = "", lang = "ar"): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>وكالة متخيلة</title><link>https://invented.example/</link><language>${lang}</language>${channel}${items}</channel></rss>`;
}

function records(f: ParsedFeed): MappedRecord[] {
  return f.items.map((i) => {
    assert.ok(!("error" in i.record), JSON.stringify(i.record));
    return i.record;
  });
}

function one(f: ParsedFeed): MappedRecord {
  const [r] = records(f);
  assert.ok(r);
  return r;
}

describe("feeds: the real rss-parser suite", () => {
  const cases = feedCases();
  test(
    "items, links, titles, dates and text agree with the expected parse, except where it is wrong",
    {
      skip: cases.length === 0 && "../shared/corpus absent",
    },
    () => {
      let items = 0;
      const unexplained: string[] = [];
      const wrong = new Map<string, number>();
      for (const c of cases) {
        if (c.expected === null) continue;
        items += c.expected.length;
        for (const f of compare(c, parseFeed(c.text))) {
          if (f.expectedWrong === undefined)
            unexplained.push(
              `${f.feed} #${f.item} ${f.field}: expected ${f.expected.slice(0, 100)} got ${f.got.slice(0, 100)}`,
            );
          else wrong.set(f.expectedWrong, (wrong.get(f.expectedWrong) ?? 0) + 1);
        }
      }
      assert.ok(items > 1000, `${items} items`);
      assert.deepEqual(unexplained, []);
      for (const [why, n] of wrong) console.log(`expected parse wrong (${n} fields): ${why}`);
    },
  );

  test("the feeds without an expected parse are read or refused with a reason, never thrown", () => {
    for (const c of cases.filter((x) => x.expected === null)) {
      const f = parseFeed(c.text);
      assert.ok(f.items.length > 0 || f.error !== undefined, c.name);
    }
  });
});

describe("feeds: what real feeds do", () => {
  test("the alternate link wins over comment, edit and self links (Blogger, FeedBurner)", () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>مدونة</title><entry><id>tag:x,1</id><title>تدوينة</title>
<link rel="replies" type="application/atom+xml" href="https://invented.example/feeds/1/comments/default"/>
<link rel="edit" href="https://invented.example/feeds/posts/1"/><link rel="self" href="https://invented.example/feeds/posts/default/1"/>
<link rel="alternate" type="text/html" href="https://invented.example/2016/02/post.html"/>
<published>2016-02-11T10:00:00Z</published><content type="html">&lt;p&gt;نص التدوينة&lt;/p&gt;</content></entry></feed>`;
    assert.equal(one(parseFeed(atom)).meta.url, "https://invented.example/2016/02/post.html");
  });

  test("published over updated, whatever their order", () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>خبر</title><link href="https://invented.example/a"/>
<updated>2020-03-05T08:00:00Z</updated><published>2020-03-01T08:00:00Z</published><summary>ملخص</summary></entry></feed>`;
    assert.equal(one(parseFeed(atom)).meta.published, "2020-03-01T08:00:00.000Z");
  });

  test("numeric dates: day-first in an Arabic feed; ambiguous elsewhere is left undated and said", () => {
    const item = (d: string) =>
      `<item><title>خبر</title><link>https://invented.example/${encodeURIComponent(d)}</link><pubDate>${d}</pubDate></item>`;
    const ar = records(parseFeed(rss(item("01/12/2020") + item("13/12/2020") + item("4/10/1436"))));
    assert.deepEqual(
      ar.map((r) => r.meta.published),
      ["2020-12-01", "2020-12-13", "2015-07-20"],
      "day-first; 4/10/1436 is Hijri (4 Shawwal 1436), never the year 1436",
    );
    const en = `<rss version="2.0"><channel><title>Invented</title><language>en</language><item><title>News of the day</title><link>https://invented.example/1</link><pubDate>01/12/2020</pubDate></item></channel></rss>`;
    const f = parseFeed(en);
    assert.equal(one(f).meta.published, undefined);
    assert.match(f.items[0]!.notes.join(" "), /2020-12-01 or 2020-01-12/u);
  });

  test("two-digit years and Arabic month names in pubDate", () => {
    const item = (d: string) =>
      `<item><title>خبر</title><link>https://invented.example/${d.length}</link><pubDate>${d}</pubDate></item>`;
    const got = records(parseFeed(rss(item("Tue, 15 Dec 15 09:30:00 GMT") + item("الثلاثاء 15 كانون الأول 2015"))));
    assert.deepEqual(
      got.map((r) => r.meta.published?.slice(0, 10)),
      ["2015-12-15", "2015-12-15"],
    );
  });

  test("a comment or junk after the root element is ignored", () => {
    const item = `<item><title>خبر</title><link>https://invented.example/1</link></item>`;
    assert.equal(parseFeed(`${rss(item)}\n<!-- generated in 0.2s -->\n`).items.length, 1);
    assert.equal(parseFeed(`${rss(item)}\n<html><body>Warning: x</body>`).items.length, 1);
  });

  test("relative links resolve against xml:base, else the feed's own URL", () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://invented.example/news/"><entry><title>خبر</title><link href="2020/a.html"/></entry></feed>`;
    assert.equal(one(parseFeed(atom)).meta.url, "https://invented.example/news/2020/a.html");
    const bare = `<rss version="2.0"><channel><title>t</title><item><title>خبر</title><link>/a/1.html</link></item></channel></rss>`;
    assert.equal(
      one(parseFeed(bare, { feedUrl: "https://feeds.invented.example/rss.xml" })).meta.url,
      "https://feeds.invented.example/a/1.html",
    );
  });

  test("title-only and link-only items are kept as short articles; an empty item is reported, not dropped", () => {
    const f = parseFeed(
      rss(`<item><title>عنوان فقط</title></item><item><link>https://invented.example/x</link></item><item></item>`),
    );
    assert.equal(f.items.length, 3);
    const [a, b, c] = f.items;
    assert.ok(a && !("error" in a.record) && a.record.meta.title === "عنوان فقط");
    assert.ok(b && !("error" in b.record) && b.record.meta.url === "https://invented.example/x");
    assert.ok(c && "error" in c.record);
  });

  test("entities and markup in titles are decoded once", () => {
    const f = parseFeed(
      rss(
        `<item><title>Caf&amp;eacute; prices &amp;#x0024;4 &lt;b&gt;up&lt;/b&gt; 10ft&lt;sup&gt;2&lt;/sup&gt;</title><link>https://invented.example/1</link></item>` +
          `<item><title>A &amp;amp; B</title><link>https://invented.example/2</link></item>`,
        "",
        "en",
      ),
    );
    assert.deepEqual(
      records(f).map((r) => r.meta.title),
      ["Café prices $4 up 10ft2", "A & B"],
    );
  });

  test("content: content:encoded over description, Atom html/xhtml/text, and base64", () => {
    const r = one(
      parseFeed(
        rss(
          `<item><title>خبر</title><link>https://invented.example/1</link><description>ملخص قصير</description><content:encoded><![CDATA[<p>النص الكامل &lt;code&gt;</p>]]></content:encoded></item>`,
        ),
      ),
    );
    assert.equal(r.text, "<p>النص الكامل &lt;code&gt;</p>", "XML-decoded once: the escaped code stays text");
    assert.equal(r.meta.summary, "ملخص قصير");
    const b64 = Buffer.from("<p>نص مشفر</p>").toString("base64");
    const atom = (content: string) =>
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title><link href="https://invented.example/e"/>${content}</entry></feed>`;
    assert.equal(
      one(parseFeed(atom(`<content type="text/html" mode="base64">${b64}</content>`))).text,
      "<p>نص مشفر</p>",
    );
    assert.equal(one(parseFeed(atom(`<content type="text">a &lt; b</content>`))).text, "a &lt; b");
    assert.match(
      one(parseFeed(atom(`<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>نص</p></div></content>`)))
        .text,
      /<p>نص<\/p>/u,
    );
  });

  test("JSON Feed", () => {
    const json = JSON.stringify({
      version: "https://jsonfeed.org/version/1.1",
      title: "Invented",
      language: "ar",
      items: [
        {
          id: "1",
          url: "https://invented.example/j/1",
          title: "خبر",
          content_html: "<p>نص</p>",
          date_published: "2021-03-04T05:06:07Z",
        },
      ],
    });
    const r = one(parseFeed(json));
    assert.deepEqual(
      [r.meta.url, r.meta.title, r.meta.published, r.text],
      ["https://invented.example/j/1", "خبر", "2021-03-04T05:06:07.000Z", "<p>نص</p>"],
    );
  });

  test("external entities and entity expansion stay inert", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>t</title><item><title>&xxe;</title><link>https://invented.example/1</link></item></channel></rss>`;
    const f = parseFeed(xxe);
    for (const i of f.items) if (!("error" in i.record)) assert.doesNotMatch(i.record.meta.title ?? "", /root:/u);
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><rss version="2.0"><channel><title>t</title><item><title>&lol4;</title><link>https://invented.example/1</link></item></channel></rss>`;
    const started = Date.now();
    const g = parseFeed(lol);
    assert.ok(Date.now() - started < 2000);
    for (const i of g.items) if (!("error" in i.record)) assert.ok((i.record.meta.title ?? "").length < 1000);
  });
});
