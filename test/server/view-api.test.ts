import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createApp } from "../../src/server/app.js";
import type { Store } from "../../src/store/store.js";
import { sampleStore } from "./fixture.js";

describe("the API and pages in the reader's language (#21)", { timeout: 300_000 }, () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  before(async () => {
    ({ store } = await sampleStore());
    app = createApp({ store, token: "t", log: () => {} });
  });
  after(async () => store?.close());

  it("refuses an impossible date with 400, in Arabic when the client asks for Arabic", async () => {
    const en = await app.request("/api/search?q=x&since=2016-13");
    assert.equal(en.status, 400);
    assert.match(((await en.json()) as { error: { message: string } }).error.message, /since.*date/u);
    const ar = await app.request("/api/search?q=x&since=2016-13", { headers: { "accept-language": "ar-SA,en;q=0.5" } });
    assert.equal(ar.status, 400);
    const body = (await ar.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "USAGE");
    assert.match(body.error.message, /المعامل "since": يجب أن يكون تاريخًا صحيحًا/u);
  });

  it("a wrong token is told in Arabic on the page and to an Arabic client", async () => {
    const r = await app.request("/api/ingest", {
      method: "POST",
      headers: { authorization: "Bearer wrong", "accept-language": "ar" },
    });
    assert.equal(r.status, 401);
    assert.match(((await r.json()) as { error: { message: string } }).error.message, /رمز الكتابة غير صحيح/u);
  });

  it("an unknown page is an Arabic page with lang, dir and a way back, not plain text", async () => {
    const r = await app.request("/nope", { headers: { accept: "text/html" } });
    assert.equal(r.status, 404);
    const html = await r.text();
    assert.match(html, /<html lang="ar" dir="rtl">/u);
    assert.match(html, /لا توجد صفحة بهذا العنوان/u);
    assert.match(html, /<a href="\/">العودة إلى القصص<\/a>/u);
    const story = await (await app.request("/stories/nope")).text();
    assert.match(story, /لا توجد قصة بهذا المعرّف/u);
    assert.match(story, /<details class="detail"><summary>التفاصيل التقنية<\/summary><p lang="en" dir="ltr">/u);
  });

  it("topics have pages, and their headings link to them", async () => {
    const list = await (await app.request("/topics")).text();
    const m = /<h2><a href="\/topics\/([^"]+)"/u.exec(list);
    assert.ok(m !== null, "a linked topic heading");
    const r = await app.request(`/topics/${m[1]}`);
    assert.equal(r.status, 200);
    assert.match(await r.text(), /<article class="topic">/u);
    assert.equal((await app.request("/topics/nope")).status, 404);
  });

  it("exports a search's hits, or everything, as CSV for Excel or as JSON Lines", async () => {
    const csv = await app.request(`/api/export?format=csv&q=${encodeURIComponent("ميناء")}`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get("content-type") ?? "", /^text\/csv; charset=utf-8/u);
    assert.match(csv.headers.get("content-disposition") ?? "", /attachment; filename="rasd-articles\.csv"/u);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte-order mark");
    const text = new TextDecoder().decode(bytes);
    assert.ok(text.includes("\r\n"));
    assert.match(
      text.split("\r\n")[0]!,
      /^\uFEFF?id,title,outlet,outlet_key,published,published_source,story,topic,entities/u,
    );
    const all = await (await app.request("/api/export?format=jsonl")).text();
    const [n] = await store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM articles");
    assert.equal(all.trim().split("\n").length, Number(n!.n));
    assert.equal((await app.request("/api/export?format=xls")).status, 400);
  });

  it("the river's pager goes both ways, with names, arrows pointing the way Arabic reads", async () => {
    const html = await (await app.request("/?limit=2&offset=2")).text();
    assert.match(html, /<nav class="pager" aria-label="صفحات النتائج">/u);
    assert.match(html, /<a rel="prev" href="\/\?limit=2"><span aria-hidden="true">→<\/span> الصفحة السابقة<\/a>/u);
    assert.match(
      html,
      /<a rel="next" href="\/\?limit=2&amp;offset=4">الصفحة التالية <span aria-hidden="true">←<\/span><\/a>/u,
    );
    const first = await (await app.request("/?limit=2")).text();
    assert.doesNotMatch(first, /rel="prev"/u, "no previous page on the first");
  });

  it("an untitled story or article is a link with words in it", async () => {
    const [s] = await store.db.query<{ id: string }>("SELECT id FROM stories ORDER BY id LIMIT 1");
    await store.db.query("UPDATE stories SET title = '' WHERE id = $1", [s!.id]);
    const html = await (await app.request("/?limit=200")).text();
    assert.match(html, new RegExp(`<a href="/stories/${s!.id}" class="untitled">\\(بلا عنوان\\)</a>`, "u"));
    assert.doesNotMatch(html, /<a [^>]*href="\/stories\/[^"]*"[^>]*>\s*<\/a>/u);
  });
});
