import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import type { Hono } from "hono";
import { createApp } from "../../src/server/app.js";
import type { Store } from "../../src/store/store.js";
import { ingestPaths, sampleStore } from "./fixture.js";

const EVIL = "<img src=x onerror=alert(1)>";
let store: Store;
let app: Hono;
let tmp: string;
let evilId: string;

async function page(path: string, init?: RequestInit): Promise<{ status: number; html: string; res: Response }> {
  const res = await app.request(path, init);
  return { status: res.status, html: await res.text(), res };
}

before(async () => {
  ({ store } = await sampleStore());
  tmp = await mkdtemp(join(tmpdir(), "rasd-pages-"));
  // An invented page whose title and body carry markup, the way a hostile or broken site might.
  const evil = `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${EVIL.replace(/</gu, "&lt;")}</title>
<meta property="og:title" content="${EVIL.replace(/</gu, "&lt;").replace(/"/gu, "&quot;")}"></head><body><article>
<h1>${EVIL.replace(/</gu, "&lt;")}</h1>
<p>فقرة أولى مكتوبة للاختبار فقط تحمل نصا عربيا كافيا ليعد جسما للمقال، ثم شيفرة: &lt;script&gt;alert(2)&lt;/script&gt; في وسطها.</p>
<p>فقرة ثانية مكتوبة للاختبار فقط عن ميناء متخيل ورصيف متخيل وعمال متخيلين لا وجود لهم في أي خبر حقيقي.</p>
</article></body></html>`;
  await writeFile(join(tmp, "evil.html"), evil);
  await ingestPaths(store, [join(tmp, "evil.html")]);
  const [row] = await store.db.query<{ id: string; title: string }>(
    "SELECT id, title FROM articles WHERE path LIKE '%evil.html'",
  );
  assert.equal(row?.title, EVIL, "the title is stored as the text it is");
  evilId = row.id;
  app = createApp({ store, token: "tok", log: () => {} });
});

after(async () => {
  await store.close();
  await rm(tmp, { recursive: true, force: true });
});

describe("pages", () => {
  it("the river lists the stories, right to left, with our stylesheet and script only", async () => {
    const r = await page("/");
    assert.equal(r.status, 200);
    assert.match(r.html, /<html lang="ar" dir="rtl">/u);
    assert.match(r.html, /class="story-card"/u);
    assert.match(r.html, /<link rel="stylesheet" href="\/static\/app.css">/u);
    assert.doesNotMatch(
      r.html,
      /<script>|<style|<[^>]*\s(?:on[a-z]+|style)=/u,
      "nothing inline: the CSP would block it",
    );
    assert.match(r.res.headers.get("content-security-policy") ?? "", /script-src 'self'/u);
  });

  it("switches the labels to English and remembers it", async () => {
    const r = await page("/?lang=en");
    assert.match(r.html, /<html lang="en" dir="ltr">/u);
    assert.match(r.html, />Stories</u);
    const cookie = r.res.headers.get("set-cookie") ?? "";
    assert.match(cookie, /rasd_lang=en/u);
    const again = await page("/search", { headers: { cookie: "rasd_lang=en" } });
    assert.match(again.html, /<html lang="en"/u);
  });

  it("a story page has numbered citations that point at its sources, a chart and the sources list", async () => {
    const [s] = await store.db.query<{ id: string }>("SELECT id FROM stories ORDER BY article_count DESC, id LIMIT 1");
    const r = await page(`/stories/${s!.id}`);
    assert.equal(r.status, 200);
    const cites = [...r.html.matchAll(/href="#src-(\d+)"/gu)].map((m) => m[1]!);
    assert.ok(cites.length > 0, "the summary cites its sources");
    for (const n of cites) assert.match(r.html, new RegExp(`id="src-${n}"`, "u"));
    assert.match(r.html, /<svg [^>]*class="timeline-chart chart-wide"/u);
    assert.match(r.html, /class="sources"/u);
  });

  it("an ingested title with markup is shown as text, never as markup", async () => {
    for (const path of [`/articles/${evilId}`, "/", `/search?q=${encodeURIComponent("ميناء متخيل")}`]) {
      const r = await page(path);
      assert.ok(r.status === 200, `${path}: ${r.status}`);
      assert.doesNotMatch(r.html, /<img src=x/u, path);
      assert.doesNotMatch(r.html, /<script>alert/u, path);
    }
    const a = await page(`/articles/${evilId}`);
    assert.match(a.html, /&lt;img src=x onerror=alert\(1\)&gt;/u);
  });

  it("search shows highlighted snippets and the outlet filter", async () => {
    const r = await page(
      `/search?q=${encodeURIComponent("الإسكندرية")}&outlet=${encodeURIComponent("صدى المدينة")}&since=&until=`,
    );
    assert.equal(r.status, 200);
    assert.match(r.html, /<mark class="hl">/u);
    assert.match(r.html, /<option value="صدى المدينة" selected>/u);
    const bad = await page(`/search?q=x&since=${encodeURIComponent("<b>")}`);
    assert.equal(bad.status, 400);
    assert.match(bad.html, /since/u);
    assert.doesNotMatch(bad.html, /<b>/u);
  });

  it("the ingest form refuses a wrong token and takes a right one", async () => {
    const form = (token: string) => {
      const f = new FormData();
      f.append("token", token);
      f.append(
        "file",
        new File(
          ["عنوان مختبر آخر\n\nنص قصير آخر كتب للاختبار فقط عن مدينة متخيلة ونهر متخيل وجسر متخيل.\n"],
          "form.txt",
        ),
      );
      return { method: "POST", body: f };
    };
    const wrong = await page("/ingest", form("nope"));
    assert.equal(wrong.status, 401);
    assert.match(wrong.html, /id="ingest-error"/u);
    const right = await page("/ingest", form("tok"));
    assert.equal(right.status, 200);
    assert.match(right.html, /id="ingest-report"/u);
  });

  it("serves only the static files it names: no path reaches the disk", async () => {
    assert.equal((await app.request("/static/app.css")).headers.get("content-type"), "text/css; charset=utf-8");
    assert.equal((await app.request("/static/fonts/naskh-400.woff2")).status, 200);
    for (const p of [
      "/static/../package.json",
      "/static/%2e%2e/package.json",
      "/static/..%2fpackage.json",
      "/static/app.css/../../package.json",
      "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    ]) {
      const r = await app.request(p);
      assert.equal(r.status, 404, p);
      assert.doesNotMatch(await r.text(), /"name": "rasd"|root:/u, p);
    }
  });

  it("never answers 500 to any query string", async () => {
    const paths = [
      "/",
      "/search",
      "/entities",
      "/topics",
      "/api/search",
      "/api/stories",
      "/api/articles",
      "/api/entities",
      `/stories/x`,
      "/api/topics",
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.dictionary(
          fc.constantFrom(
            "q",
            "limit",
            "offset",
            "since",
            "until",
            "outlet",
            "entity",
            "words",
            "lang",
            "type",
            "before",
            "zz",
          ),
          fc.string({ maxLength: 30 }),
          { maxKeys: 4 },
        ),
        async (path, params) => {
          const qs = new URLSearchParams(params).toString();
          const r = await app.request(`${path}?${qs}`);
          await r.arrayBuffer();
          return r.status < 500;
        },
      ),
      { numRuns: 150 },
    );
  });
});
