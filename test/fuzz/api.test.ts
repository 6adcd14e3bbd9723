import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import type { Hono } from "hono";
import { CSP } from "../../src/server/security.js";
import { createApp } from "../../src/server/app.js";
import type { Store } from "../../src/store/store.js";
import { sampleStore } from "../server/fixture.js";
import { corpus } from "./corpus.js";
import { Counter, params } from "./harness.js";
import { junk, mutate, ops } from "./mutate.js";

/**
 * The HTTP surface, fuzzed through the app itself (`app.request`, no socket): odd paths, query strings, methods,
 * tokens and uploads. No request may get a 500, hang, leak a stack or a query, or come back without the security
 * headers; every API error is `{error: {code, message}}`; what a request says is escaped in the page it gets.
 */
const TOKEN = "fuzz-token-9c1e";
let store: Store;
let app: Hono;
let records: string[] = [];
const logged: string[] = [];

before(async () => {
  ({ store } = await sampleStore());
  app = createApp({ store, token: TOKEN, log: (m) => logged.push(m), maxUploadBytes: 2 * 1024 * 1024 });
  records = (await corpus()).records;
});

after(async () => {
  await store.close();
});

const MARK = "<script>rasd-xss</script>";

async function check(counter: Counter, path: string, init?: RequestInit): Promise<Response> {
  const res = await counter.timeAsync(() => Promise.resolve(app.request(path, init)), 15_000, path);
  const body = await res.text();
  assert.ok(
    res.status < 500 || res.status === 501 || res.status === 503,
    `${init?.method ?? "GET"} ${path}: ${res.status} ${body.slice(0, 300)}; log: ${logged.slice(-1)}`,
  );
  assert.equal(res.headers.get("content-security-policy"), CSP, `${path}: no CSP`);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  assert.doesNotMatch(body, /\n\s+at [\w.<>]+ \(|node_modules|SELECT |INSERT /u, `${path}: the answer leaks internals`);
  // JSON answers may quote the request (a JSON string is inert under nosniff and this CSP); pages must escape it.
  const type = res.headers.get("content-type") ?? "";
  if (type.startsWith("text/html"))
    assert.ok(!body.includes(MARK), `${path}: request text reflected into a page without escaping`);
  else if (new URL(`http://x${path}`).pathname.startsWith("/api/"))
    assert.match(type, /^application\/json/u, `${path}: ${type}`);
  if (res.status >= 400) counter.rejected++;
  if (new URL(`http://x${path}`).pathname.startsWith("/api/") && res.status >= 400) {
    const e = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    assert.equal(typeof e.error?.code, "string", `${path}: ${body}`);
    assert.equal(typeof e.error?.message, "string", `${path}: ${body}`);
  }
  return res;
}

const segment = fc.oneof(
  fc.constantFrom(
    "api",
    "articles",
    "stories",
    "topics",
    "entities",
    "search",
    "outlets",
    "openapi.json",
    "ingest",
    "static",
    "app.js",
    "fonts",
    "..",
    "%2e%2e",
    "%2F",
    "..%2f..%2fetc%2fpasswd",
    "%00",
    "%ff",
    "%",
    "مدينة",
    MARK,
    "a".repeat(300),
  ),
  fc.string({ unit: "grapheme-ascii", maxLength: 12 }).map(encodeURIComponent),
  fc.string({ unit: "binary", maxLength: 6 }).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/gu, "x"))),
);
const value = fc.oneof(
  fc.constantFrom(
    "",
    "0",
    "-1",
    "1e9",
    "NaN",
    "20",
    "2015-07-21",
    "2015-13-45",
    "ar",
    "en",
    "person",
    MARK,
    "مدينة",
    "' OR 1=1 --",
    "%",
    "a".repeat(600),
  ),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  junk,
);
const key = fc.constantFrom(
  "q",
  "limit",
  "offset",
  "before",
  "since",
  "until",
  "outlet",
  "story",
  "topic",
  "type",
  "entity",
  "words",
  "lang",
  "x",
  "q[]",
  "__proto__",
);
const query = fc
  .array(fc.tuple(key, value), { maxLength: 5 })
  .map((kv) =>
    kv.length === 0
      ? ""
      : "?" +
        kv
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/gu, "x"))}`)
          .join("&"),
  );

describe("fuzz: HTTP API and pages", () => {
  it("any GET path and query string: a page, a JSON answer or a clear 4xx", async (t) => {
    const counter = new Counter("http/get");
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 4 }), query, fc.boolean(), async (segs, q, api) => {
        await check(counter, `/${api ? "api/" : ""}${segs.join("/")}${q}`);
      }),
      params(600),
    );
    t.diagnostic(counter.line());
  });

  it("writes with missing, wrong or odd tokens are refused; other methods never reach a handler", async (t) => {
    const counter = new Counter("http/auth");
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant(undefined),
          fc.constantFrom("Bearer", "Bearer ", `Bearer ${TOKEN}x`, `bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`, TOKEN),
          fc.string({ maxLength: 40 }).map((s) => `Bearer ${s}`),
        ),
        fc.constantFrom("POST", "PUT", "DELETE", "PATCH"),
        fc.constantFrom("/api/ingest", "/ingest", "/api/articles", "/api/search?q=x"),
        async (auth, method, path) => {
          const form = new FormData();
          form.append("file", new File(["نص"], "a.txt"));
          const headers: Record<string, string> = {};
          if (auth !== undefined) headers["authorization"] = auth;
          const res = await check(counter, path, { method, body: form, headers });
          if (method === "POST" && path.endsWith("ingest"))
            assert.ok(
              res.status === 401 || res.status === 403 || res.status === 400,
              `${method} ${path} with ${auth}: ${res.status}`,
            );
          else assert.ok(res.status >= 400, `${method} ${path}: ${res.status}`);
        },
      ),
      params(200),
    );
    t.diagnostic(counter.line());
  });

  it("uploads with odd names and mutated real records or pages: a report or a clear 4xx, files never leave the upload folder", async (t) => {
    const counter = new Counter("http/upload");
    const name = fc.oneof(
      fc.constantFrom(
        "a.txt",
        "../../../etc/passwd.txt",
        "..\\..\\win.ini.html",
        "/etc/cron.d/x.jsonl",
        "x.exe",
        ".jsonl",
        "a.jsonl.gz",
        "feed.xml",
        `${MARK}.txt`,
        "%2e%2e%2fa.json",
        "a".repeat(500) + ".txt",
        "",
      ),
      fc.string({ unit: "grapheme", maxLength: 30 }).map((s) => `${s}.json`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, fc.nat(), ops), { minLength: 1, maxLength: 3 }), async (files) => {
        const form = new FormData();
        for (const [n, i, list] of files)
          form.append("file", new File([mutate(records[i % records.length]!, list)], n));
        await check(counter, "/api/ingest", {
          method: "POST",
          body: form,
          headers: { authorization: `Bearer ${TOKEN}` },
        });
      }),
      params(40),
    );
    t.diagnostic(counter.line());
  });

  it("stored text is escaped on every page that shows it (a hostile record: script in title and body, javascript: URL)", async (t) => {
    const counter = new Counter("http/stored-xss");
    const rec = {
      url: `javascript:alert(1)//${MARK}`,
      title: `عنوان ${MARK} "quoted' \u0060`,
      text: `فقرة أولى عن المدينة ${MARK}\nفقرة ثانية <img src=x onerror=alert(1)> عن المدينة`,
      outlet: MARK,
    };
    const form = new FormData();
    form.append("file", new File([JSON.stringify(rec) + "\n"], "hostile.jsonl"));
    const up = await check(counter, "/api/ingest", {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(up.status, 200);
    const list = (await (await app.request(`/api/articles?limit=200&outlet=${encodeURIComponent(MARK)}`)).json()) as {
      articles: Array<{ id: string }>;
    };
    assert.ok(list.articles.length >= 1, "the hostile record was stored");
    for (const a of list.articles) {
      for (const path of [`/articles/${a.id}`, `/search?q=${encodeURIComponent("المدينة")}`, "/", `/entities`]) {
        const res = await check(counter, path);
        const body = await (await app.request(path)).text();
        assert.doesNotMatch(body, /href="javascript:/iu, `${path}: a javascript: link`);
        assert.doesNotMatch(body, /<img src=x/u, `${path}: markup from the record rendered`);
        assert.ok(res.status < 400, `${path}: ${res.status}`);
      }
    }
    t.diagnostic(counter.line());
  });

  it("bodies past the limits are refused with 413, not read into memory", async (t) => {
    const counter = new Counter("http/limits");
    const big = new Uint8Array(3 * 1024 * 1024).fill(0x61);
    const form = new FormData();
    form.append("file", new File([big], "big.txt"));
    const r1 = await check(counter, "/api/ingest", {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(r1.status, 413);
    const r2 = await check(counter, "/api/search?q=x", {
      method: "POST",
      body: big,
      headers: { "content-type": "application/octet-stream" },
    });
    assert.ok(r2.status === 413 || r2.status === 404, String(r2.status));
    t.diagnostic(counter.line());
  });
});
