import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Hono } from "hono";
import { createApp } from "../../src/server/app.js";
import { ENDPOINTS } from "../../src/server/api/endpoints.js";
import type { Store } from "../../src/store/store.js";
import { sampleStore } from "./fixture.js";

const TOKEN = "test-token-5f1c";
let store: Store;
let app: Hono;

interface ErrorJson {
  error: { code: string; message: string };
}

async function get(path: string, init?: RequestInit): Promise<{ status: number; json: unknown; res: Response }> {
  const res = await app.request(path, init);
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json, res };
}

/** A 4xx answer in the error shape, whose message mentions `mention`. */
async function expectError(path: string, status: number, mention: RegExp, init?: RequestInit): Promise<void> {
  const r = await get(path, init);
  assert.equal(r.status, status, `${path}: ${JSON.stringify(r.json)}`);
  const e = r.json as ErrorJson;
  assert.equal(typeof e.error.code, "string");
  assert.match(e.error.message, mention, `${path}: ${e.error.message}`);
  assert.doesNotMatch(e.error.message, /\n\s+at /u, "no stack trace");
}

function q(s: string): string {
  return encodeURIComponent(s);
}

before(async () => {
  ({ store } = await sampleStore());
  app = createApp({ store, token: TOKEN, log: () => {} });
});

after(async () => {
  await store.close();
});

describe("GET /api/articles", () => {
  it("lists the stored articles, latest first, with keyset pages", async () => {
    const r = await get("/api/articles?limit=20");
    assert.equal(r.status, 200);
    const page1 = r.json as { articles: Array<{ id: string; title: string; seq: number }>; next: number };
    assert.equal(page1.articles.length, 20);
    const r2 = await get(`/api/articles?limit=20&before=${page1.next}`);
    const page2 = r2.json as { articles: Array<{ id: string }>; next: number | null };
    assert.equal(page2.articles.length, 12, "32 sample articles in all");
    assert.equal(page2.next, null);
    const ids = new Set([...page1.articles, ...page2.articles].map((a) => a.id));
    assert.equal(ids.size, 32);
  });

  it("filters by outlet", async () => {
    const r = await get(`/api/articles?outlet=${q("بوابة النهار الجديد")}&limit=50`);
    assert.equal((r.json as { articles: unknown[] }).articles.length, 6);
  });

  it("refuses bad input with 400 and a message naming the parameter", async () => {
    await expectError("/api/articles?limit=abc", 400, /limit/u);
    await expectError("/api/articles?limit=0", 400, /limit/u);
    await expectError("/api/articles?limit=100000", 400, /limit/u);
    await expectError("/api/articles?lmit=3", 400, /unknown query parameter "lmit"/u);
    await expectError("/api/articles?limit=1&limit=2", 400, /"limit" is given 2 times/u);
  });

  it("gives one article with its story link, 404 for an unknown id and 400 for an absurd one", async () => {
    const list = (await get("/api/articles?limit=1")).json as { articles: Array<{ id: string }> };
    const id = list.articles[0]!.id;
    const r = await get(`/api/articles/${id}`);
    assert.equal(r.status, 200);
    const a = r.json as { id: string; title: string; blocks: unknown[]; story: string | null };
    assert.equal(a.id, id);
    assert.ok(a.blocks.length > 0);
    assert.ok("story" in a);
    await expectError("/api/articles/nope", 404, /no article with id "nope"/u);
    await expectError(`/api/articles/${"x".repeat(300)}`, 400, /id/u);
  });
});

describe("GET /api/outlets", () => {
  it("names the sample's six outlets with their counts", async () => {
    const r = await get("/api/outlets");
    const outlets = (r.json as { outlets: Array<{ name: string; articles: number }> }).outlets;
    const total = outlets.reduce((s, o) => s + o.articles, 0);
    assert.equal(total, 32);
    assert.ok(outlets.some((o) => o.name === "شبكة المرصد الإخبارية" && o.articles === 5));
    await expectError("/api/outlets?x=1", 400, /unknown query parameter/u);
  });
});

describe("GET /api/stories and /api/stories/{id}", () => {
  it("lists stories, each with span, sources, outlets and entities, biggest first on the same day", async () => {
    const r = await get("/api/stories");
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const body = r.json as {
      total: number;
      stories: Array<{
        id: string;
        title: string;
        articles: number;
        outlets: string[];
        entities: unknown[];
        span: object;
      }>;
    };
    assert.ok(body.total >= 4 && body.total <= 12, `the sample has six stories, got ${body.total}`);
    const sum = body.stories.reduce((s, x) => s + x.articles, 0);
    assert.equal(sum, 32, "every article in exactly one story");
    for (const s of body.stories) {
      assert.ok(s.title.length > 0);
      assert.ok(Array.isArray(s.outlets) && Array.isArray(s.entities));
    }
    await expectError("/api/stories?limit=-1", 400, /limit/u);
    await expectError("/api/stories?offset=x", 400, /offset/u);
  });

  it("gives a story in the Story shape, with citations that name its own articles", async () => {
    const list = (await get("/api/stories?limit=1")).json as { stories: Array<{ id: string }> };
    const id = list.stories[0]!.id;
    const r = await get(`/api/stories/${id}?words=120`);
    assert.equal(r.status, 200);
    const s = r.json as {
      id: string;
      articles: Array<{ id: string }>;
      summary: Array<{ sources: string[] }>;
      timeline: unknown[];
      claims: unknown[];
    };
    assert.equal(s.id, id);
    for (const k of ["title", "span", "articles", "summary", "timeline", "entities", "quotes", "claims"])
      assert.ok(k in s, k);
    const ids = new Set(s.articles.map((a) => a.id));
    assert.ok(s.summary.length > 0);
    for (const c of s.summary)
      for (const src of c.sources) assert.ok(ids.has(src), "a citation names an article of the story");
    await expectError(`/api/stories/${id}?words=3`, 400, /words/u);
    await expectError("/api/stories/s-none", 404, /no story with id "s-none"/u);
  });
});

describe("GET /api/topics and /api/topics/{id}", () => {
  it("lists topics with their stories, and one topic by id", async () => {
    const r = await get("/api/topics");
    assert.equal(r.status, 200);
    const topics = (r.json as { topics: Array<{ id: string; stories: unknown[] }> }).topics;
    assert.ok(topics.length > 0);
    const one = await get(`/api/topics/${topics[0]!.id}`);
    assert.equal(one.status, 200);
    assert.equal((one.json as { id: string }).id, topics[0]!.id);
    await expectError("/api/topics/t-none", 404, /no topic/u);
    await expectError("/api/topics?limit=1.5", 400, /limit/u);
  });
});

describe("GET /api/entities and /api/entities/{id}", () => {
  it("lists entities and finds one by any spelling of its name", async () => {
    const r = await get("/api/entities?limit=200");
    assert.equal(r.status, 200);
    const list = (r.json as { entities: Array<{ id: string; name: string; articles: number }> }).entities;
    assert.ok(list.length > 0);
    const top = list[0]!;
    const byId = await get(`/api/entities/${q(top.id)}`);
    assert.equal(byId.status, 200);
    const e = byId.json as { id: string; names: string[]; articles: unknown[]; stories: unknown[]; quotes: unknown[] };
    assert.equal(e.id, top.id);
    assert.ok(e.names.length > 0 && e.articles.length > 0);
    const byName = await get(`/api/entities/${q(e.names[0]!)}`);
    assert.equal(byName.status, 200);
    await expectError(`/api/entities/${q("لا أحد بهذا الاسم")}`, 404, /no entity/u);
    await expectError("/api/entities?type=animal", 400, /type/u);
  });
});

describe("GET /api/search", () => {
  it("finds articles with highlighted snippets, and filters by date, outlet and entity", async () => {
    const r = await get(`/api/search?q=${q("ميناء طنجة")}`);
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const res = r.json as {
      total: number;
      hits: Array<{
        id: string;
        outlet: string | null;
        snippet: { text: string; highlights: Array<{ start: number; end: number }> };
      }>;
    };
    assert.ok(res.hits.length >= 5, `the port strike is in seven articles, got ${res.hits.length}`);
    const h = res.hits[0]!;
    assert.ok(h.snippet.highlights.length > 0);
    for (const m of h.snippet.highlights) assert.ok(m.end > m.start && m.end <= h.snippet.text.length);
    const byOutlet = await get(`/api/search?q=${q("ميناء طنجة")}&outlet=${q("الرائد")}`);
    const outletHits = (byOutlet.json as typeof res).hits;
    assert.ok(outletHits.length > 0 && outletHits.every((x) => x.outlet === "الرائد"));
    const none = await get(`/api/search?q=${q("ميناء طنجة")}&until=2001-01-01`);
    assert.equal((none.json as typeof res).hits.length, 0, "nothing in the sample is that old");
  });

  it("refuses bad input with 400", async () => {
    await expectError("/api/search", 400, /"q"/u);
    await expectError("/api/search?q=", 400, /"q"/u);
    await expectError(`/api/search?q=a&since=${q("yesterday")}`, 400, /since.*date/u);
    await expectError(`/api/search?q=a&limit=1000`, 400, /limit/u);
    await expectError(`/api/search?q=a&entity=${q("لا أحد بهذا الاسم")}`, 404, /no entity/u);
  });
});

describe("POST /api/ingest", () => {
  function upload(name: string, body: string, token?: string): RequestInit {
    const form = new FormData();
    form.append("file", new File([body], name));
    return { method: "POST", body: form, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } };
  }
  const page = "خبر مختبر للرفع\n\nهذا نص قصير كتب لاختبار رفع الصفحات إلى رصد، وليس له أي صلة بخبر حقيقي.\n";

  it("needs the token", async () => {
    await expectError("/api/ingest", 401, /Authorization: Bearer/u, upload("a.txt", page));
    await expectError("/api/ingest", 401, /token is wrong/u, upload("a.txt", page, "nope"));
    const closed = createApp({ store, log: () => {} });
    const r = await closed.request("/api/ingest", upload("a.txt", page, TOKEN));
    assert.equal(r.status, 401);
    assert.match(((await r.json()) as ErrorJson).error.message, /writes are disabled/u);
  });

  it("ingests an uploaded page once, whatever its name says about paths", async () => {
    const r = await get("/api/ingest", upload("../../../etc/evil.txt", page, TOKEN));
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal((r.json as { stored: number }).stored, 1);
    const again = await get("/api/ingest", upload("../../../etc/evil.txt", page, TOKEN));
    assert.deepEqual(
      [(again.json as { stored: number }).stored, (again.json as { existing: number }).existing],
      [0, 1],
    );
  });

  it("refuses what it cannot read with 400, and oversized bodies with 413", async () => {
    await expectError("/api/ingest", 400, /rasd reads/u, upload("virus.exe", "MZ", TOKEN));
    await expectError("/api/ingest", 400, /multipart\/form-data/u, {
      method: "POST",
      body: "{}",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    });
    await expectError("/api/ingest", 400, /no files/u, {
      method: "POST",
      body: new FormData(),
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const small = createApp({ store, token: TOKEN, maxUploadBytes: 1000, log: () => {} });
    const r = await small.request("/api/ingest", upload("big.txt", "ا".repeat(5000), TOKEN));
    assert.equal(r.status, 413);
    assert.equal(((await r.json()) as ErrorJson).error.code, "TOO_LARGE");
  });
});

describe("the API as a whole", () => {
  it("answers unknown endpoints and methods with a JSON 404", async () => {
    await expectError("/api/nothing", 404, /openapi\.json/u);
    await expectError("/api/stories", 404, /no endpoint POST/u, { method: "POST" });
  });

  it("sets the security headers on every response", async () => {
    const r = await app.request("/api/stories");
    assert.match(r.headers.get("content-security-policy") ?? "", /default-src 'none'.*script-src 'self'/u);
    assert.equal(r.headers.get("x-content-type-options"), "nosniff");
  });

  it("every endpoint of the table answers (none of them 500s on the sample)", async () => {
    for (const e of ENDPOINTS) {
      if (e.method !== "get") continue;
      const path = e.path.replace(":id", "x");
      const r = await app.request(path);
      assert.ok(r.status < 500, `${path}: ${r.status}`);
    }
  });
});
