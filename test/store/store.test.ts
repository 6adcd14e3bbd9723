import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { loadHasher } from "../../src/core/hash.js";
import { emptyArticle } from "../../src/core/stage.js";
import type { Article } from "../../src/core/types.js";
import {
  countArticles,
  existingIds,
  getArticle,
  getArticles,
  insertArticles,
  iterateArticles,
  type ArticleRow,
} from "../../src/store/articles.js";
import { migrate } from "../../src/store/migrate.js";
import type { Store } from "../../src/store/store.js";
import { TEST_STORES, pgSkip } from "../helpers/stores.js";

function row(n: number, text = `نص تجريبي رقم ${n}`): ArticleRow {
  const a: Article = emptyArticle({ path: `invented/${n}.txt` });
  a.id = `id-${n}`;
  a.title = `عنوان ${n}`;
  a.text = text;
  a.lang = "ar";
  a.published = {
    date: `2016-02-${String(10 + (n % 9)).padStart(2, "0")}`,
    precision: "day",
    candidates: [],
    evidence: "test",
  };
  return { article: a, sourceKey: `key-${n}`, contentHash: `h-${n}`, url: null, outlet: "invented" };
}

// The same suite against both drivers: one schema, one set of queries.
for (const kind of TEST_STORES) {
  const skip = kind.name === "postgres" ? pgSkip() : false;
  describe(`store on ${kind.name}`, { skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      await loadHasher();
      const opened = await kind.open();
      store = opened.store;
      drop = opened.drop;
    });
    after(async () => {
      await store.close();
      await drop();
    });

    test("migrations are recorded and a second run applies nothing", async () => {
      assert.equal(await migrate(store.db), 0);
      const rows = await store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM rasd_migrations");
      assert.ok(Number(rows[0]?.n) >= 1);
    });

    test("insert is idempotent: the same ids are stored once", async () => {
      const first = await insertArticles(store.db, [row(1), row(2), row(3)]);
      assert.deepEqual([...first].sort(), ["id-1", "id-2", "id-3"]);
      const again = await insertArticles(store.db, [row(2), row(3), row(4)]);
      assert.deepEqual([...again], ["id-4"]);
      assert.equal(await countArticles(store.db), 4);
    });

    test("an article round-trips exactly, Arabic text and nested fields included", async () => {
      const r = row(7, "قال «المتحدث»: ١٢٣ — اختبار\u200c مع علامات مثل الشدّة");
      r.article.blocks = [{ role: "caption", text: "Photo caption", lang: "en" }];
      await insertArticles(store.db, [r]);
      assert.deepEqual(await getArticle(store.db, "id-7"), r.article);
      assert.equal(await getArticle(store.db, "no-such-id"), null);
    });

    test("existingIds and getArticles see what is stored", async () => {
      assert.deepEqual([...(await existingIds(store.db, ["id-1", "nope", "id-4"]))].sort(), ["id-1", "id-4"]);
      const got = await getArticles(store.db, ["id-2", "id-1"]);
      assert.deepEqual(got.map((a) => a.id).sort(), ["id-1", "id-2"]);
    });

    test("a failed transaction leaves nothing behind", async () => {
      const before = await countArticles(store.db);
      await assert.rejects(
        store.db.transaction(async (tx) => {
          await insertArticles(tx, [row(50), row(51)]);
          throw new Error("crash in the middle of a batch");
        }),
      );
      assert.equal(await countArticles(store.db), before);
    });

    test("iteration pages through every article in ingest order", async () => {
      await insertArticles(
        store.db,
        Array.from({ length: 25 }, (_, i) => row(100 + i)),
      );
      const seen: string[] = [];
      for await (const s of iterateArticles(store.db, 7)) seen.push(s.article.id);
      assert.equal(seen.length, await countArticles(store.db));
      assert.equal(new Set(seen).size, seen.length);
      assert.ok(seen.indexOf("id-100") < seen.indexOf("id-124"));
    });
  });
}
