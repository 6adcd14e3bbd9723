import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { readFileSync } from "node:fs";
import { corpusPath } from "../../src/core/paths.js";
import { emptyArticle } from "../../src/core/stage.js";
import type { Article } from "../../src/core/types.js";
import { insertArticles, type ArticleRow } from "../../src/store/articles.js";
import type { Store } from "../../src/store/store.js";
import { indexArticles, optimizeSearchIndex, search } from "../../src/search/index.js";
import type { SearchResult } from "../../src/search/index.js";
import { TEST_STORES, pgSkip } from "../helpers/stores.js";

/** The 100 multiling2011 Arabic articles, read in place, dated by topic. */
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
    a.published = {
      date: `2010-${topic.slice(-2)}-${String(1 + (i % 10)).padStart(2, "0")}`,
      precision: "day",
      candidates: [],
      evidence: "test",
    };
    return { article: a, sourceKey: id, contentHash: id, url: null, outlet: null };
  });
}

const QUERIES = ["الولايات المتحدة", "زلزال", "الأمريكي", "الرئيس", "قال"];

async function ingest(store: Store, rows: readonly ArticleRow[], batch: number): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    const part = rows.slice(i, i + batch);
    await store.db.transaction(async (tx) => {
      await insertArticles(tx, part);
      await indexArticles(
        tx,
        part.map((r) => r.article),
      );
    });
  }
}

async function answers(store: Store): Promise<SearchResult[]> {
  const out: SearchResult[] = [];
  for (const q of QUERIES) {
    out.push(await search(store.db, q, { limit: 30 }));
    out.push(await search(store.db, q, { limit: 10, since: "2010-03", until: "2010-06" }));
  }
  return out;
}

async function maxBlocks(store: Store): Promise<number> {
  const [r] = await store.db.query<{ m: number }>(
    "SELECT coalesce(max(c), 0)::int AS m FROM (SELECT count(*) AS c FROM search_postings GROUP BY term) x",
  );
  return Number(r?.m);
}

for (const kind of TEST_STORES) {
  describe(`merging posting blocks on ${kind.name}`, { skip: kind.name === "postgres" ? pgSkip() : false }, () => {
    const rows = corpusRows();
    const opened: Array<{ store: Store; drop(): Promise<void> }> = [];
    let whole: Store;
    let small: Store;
    before(async () => {
      opened.push(await kind.open(), await kind.open());
      whole = opened[0]!.store;
      small = opened[1]!.store;
      await ingest(whole, rows, 100);
      await ingest(small, rows, 2); // 50 batches: a common term would have 50 blocks unmerged
    });
    after(async () => {
      for (const o of opened) {
        await o.store.close();
        await o.drop();
      }
    });

    test("ingest in many small batches merges blocks as it goes and ranks exactly as one batch", async () => {
      const m = await maxBlocks(small);
      assert.ok(m > 1 && m < 16, `most blocks of one term: ${m}`);
      assert.deepEqual(await answers(small), await answers(whole));
    });

    test("optimizeSearchIndex leaves one block per term and the same results", async () => {
      const before = await answers(small);
      assert.ok((await optimizeSearchIndex(small.db)) > 0);
      assert.equal(await maxBlocks(small), 1);
      assert.deepEqual(await answers(small), before);
      assert.equal(await optimizeSearchIndex(small.db), 0);
    });

    test("a query after more indexing sees the new articles (the postings cache follows the index)", async () => {
      const extra = rows.slice(0, 3).map((r) => {
        const a: Article = { ...r.article, id: `${r.article.id}-again` };
        return { ...r, article: a, sourceKey: a.id, contentHash: a.id };
      });
      const q = rows[0]!.article.title;
      const first = await search(small.db, q, { limit: 100 });
      await ingest(small, extra, 3);
      const second = await search(small.db, q, { limit: 100 });
      assert.ok(second.total > first.total, `${second.total} after ${first.total}`);
      assert.ok(second.hits.some((h) => h.id === extra[0]!.article.id));
    });
  });
}
