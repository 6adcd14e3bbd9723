import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { readFileSync } from "node:fs";
import { corpusPath } from "../../src/core/paths.js";
import { emptyArticle } from "../../src/core/stage.js";
import type { Article } from "../../src/core/types.js";
import { insertArticles, type ArticleRow } from "../../src/store/articles.js";
import type { Store } from "../../src/store/store.js";
import { indexArticles, search } from "../../src/search/index.js";
import type { SearchResult } from "../../src/search/index.js";
import { TEST_STORES, pgSkip } from "../helpers/stores.js";

/** The 100 multiling2011 Arabic articles (real news text, read in place), dated one week apart by topic. */
function corpusRows(): ArticleRow[] {
  const lines = readFileSync(corpusPath("multiling2011", "clusters.tsv"), "utf8").trim().split("\n").slice(1);
  return lines.map((line, i) => {
    const [id = "", topic = "", path = ""] = line.split("\t");
    const text = readFileSync(corpusPath("multiling2011", path), "utf8");
    const a: Article = emptyArticle({ path });
    a.id = id;
    a.lang = "ar";
    a.title =
      text
        .split("\n")
        .find((l) => l.trim().length > 0)
        ?.trim() ?? "";
    a.text = text;
    const day = 1 + (i % 10);
    a.published = {
      date: `2010-${topic.slice(-2)}-${String(day).padStart(2, "0")}`,
      precision: "day",
      candidates: [],
      evidence: "test",
    };
    return { article: a, sourceKey: id, contentHash: id, url: null, outlet: i % 2 === 0 ? "even" : "odd" };
  });
}

const QUERIES = ["الولايات المتحدة", "زلزال", "الأمريكي", "في من إلى"];
const results = new Map<string, SearchResult[]>();

for (const kind of TEST_STORES) {
  const skip = kind.name === "postgres" ? pgSkip() : false;
  describe(`search on ${kind.name}`, { skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    const rows = corpusRows();
    before(async () => {
      const opened = await kind.open();
      store = opened.store;
      drop = opened.drop;
      await store.db.transaction(async (tx) => {
        await insertArticles(tx, rows.slice(0, 60));
        await indexArticles(
          tx,
          rows.slice(0, 60).map((r) => r.article),
        );
      });
      await store.db.transaction(async (tx) => {
        await insertArticles(tx, rows.slice(60));
        await indexArticles(
          tx,
          rows.slice(60).map((r) => r.article),
        );
      });
    });
    after(async () => {
      await store.close();
      await drop();
    });

    test("indexing twice adds nothing", async () => {
      await indexArticles(
        store.db,
        rows.map((r) => r.article),
      );
      const [s] = await store.db.query<{ docs: string }>("SELECT docs FROM search_stats");
      assert.equal(Number(s?.docs), 100);
    });

    test("a title finds its own article first, and its topic fills the top", async () => {
      const r = rows[23]!.article;
      // Without its quotation marks: quoted words are a phrase query, and this test is about ranking by words.
      const res = await search(store.db, r.title.replace(/["“”«»]/gu, " "), { limit: 10 });
      assert.equal(res.hits[0]?.id, r.id);
      const topic = (id: string): string => id.slice(0, 4);
      assert.ok(res.hits.filter((h) => topic(h.id) === topic(r.id)).length >= 6);
    });

    test("clitics and spellings meet: وبالولايات finds what الولايات finds", async () => {
      const a = await search(store.db, "الولايات", { limit: 5 });
      const b = await search(store.db, "وبالولايات", { limit: 5 });
      assert.ok(a.hits.length > 0);
      assert.deepEqual(
        b.hits.map((h) => h.id),
        a.hits.map((h) => h.id),
      );
    });

    test("snippets highlight the matched words, offsets into the snippet", async () => {
      const res = await search(store.db, "الولايات المتحدة", { limit: 3 });
      for (const h of res.hits) {
        assert.ok(h.snippet.highlights.length > 0, h.id);
        for (const m of h.snippet.highlights) assert.match(h.snippet.text.slice(m.start, m.end), /ولاي|متحد/u);
      }
    });

    test("date and outlet filters", async () => {
      const all = await search(store.db, "الولايات", { limit: 100 });
      const some = await search(store.db, "الولايات", { limit: 100, since: "2010-03", until: "2010-05-31" });
      assert.ok(some.hits.length > 0 && some.hits.length < all.hits.length);
      for (const h of some.hits) assert.ok(h.published! >= "2010-03-01" && h.published! <= "2010-05-31", h.published!);
      const odd = await search(store.db, "الولايات", { limit: 100, outlet: "odd" });
      assert.ok(odd.hits.length > 0 && odd.hits.every((h) => h.outlet === "odd"));
      await assert.rejects(search(store.db, "x", { since: "July" }), /--since must be a date/);
    });

    test("a query of stopwords finds nothing, without error", async () => {
      const res = await search(store.db, "في من إلى");
      assert.deepEqual(res.terms, []);
      assert.equal(res.hits.length, 0);
    });

    test("record results for the cross-driver comparison", async () => {
      const list: SearchResult[] = [];
      for (const q of QUERIES) list.push(await search(store.db, q, { limit: 20 }));
      results.set(kind.name, list);
    });
  });
}

describe("both drivers", { skip: pgSkip() }, () => {
  test("PGlite and PostgreSQL return the same hits, scores and snippets", () => {
    const a = results.get("pglite");
    const b = results.get("postgres");
    assert.ok(a && b);
    assert.deepEqual(b, a);
  });
});
