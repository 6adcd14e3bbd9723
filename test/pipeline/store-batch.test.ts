import assert from "node:assert/strict";
import { test } from "node:test";
import { pipelineFor } from "../../src/assemble/for-store.js";
import { createStages } from "../../src/assemble/stages.js";
import { RasdError } from "../../src/core/errors.js";
import { loadHasher } from "../../src/core/hash.js";
import { corpusPath } from "../../src/core/paths.js";
import { storeBatch, type DocInput } from "../../src/pipeline/store-batch.js";
import { readInput } from "../../src/source/read.js";
import { walkInputs } from "../../src/source/walk.js";
import { countArticles } from "../../src/store/articles.js";
import type { IngestHook } from "../../src/store/hooks.js";
import type { Sql } from "../../src/store/sql.js";
import { Store } from "../../src/store/store.js";

/** Invented records (no third-party text), as a JSON Lines file `r.jsonl` would hand them over. */
function invented(n: number): DocInput[] {
  return Array.from({ length: n }, (_, i) => ({
    sourceKey: `https://invented.example/${i}`,
    raw: {
      source: { path: "r.jsonl", record: i + 1, url: `https://invented.example/${i}` },
      format: "record",
      text: `نص خبر مختلق رقم ${i} كتبناه للاختبار، عن افتتاح مكتبة عامة في المدينة رقم ${i}.`,
      meta: { title: `خبر مختلق رقم ${i}`, url: `https://invented.example/${i}` },
    },
  }));
}

/** A hook that refuses every batch holding an article whose title matches, as a real hook might fail on bad data. */
function refusing(title: RegExp, error: () => unknown = () => new Error("this hook cannot take that article")) {
  const hook: IngestHook = {
    name: "refusing",
    async run(_tx, articles) {
      if (articles.some((a) => title.test(a.title))) throw error();
    },
  };
  return hook;
}

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  await loadHasher();
  const store = await Store.open({ dir: "memory://" });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

test("a document a hook cannot take costs only itself: the others are stored, it is reported by name", async () => {
  await withStore(async (store) => {
    const seen: (readonly (string | undefined)[])[] = [];
    const r = await storeBatch(store, invented(6), {
      stages: createStages(),
      hooks: [refusing(/رقم 3$/u)],
      within: async (_tx: Sql, ids) => void seen.push([...ids]),
    });
    assert.equal(r.stored, 5);
    assert.equal(r.existing, 0);
    assert.deepEqual(r.failures, [
      { input: "r.jsonl:4", code: "INTERNAL", reason: "this hook cannot take that article" },
    ]);
    assert.equal(await countArticles(store.db), 5);
    assert.equal(r.ids[3], undefined, "the refused document has no article id");
    assert.equal(r.ids.filter((id) => id !== undefined).length, 5);
    // The caller's work lands once, after the documents, with the final ids.
    assert.deepEqual(seen, [r.ids]);
  });
});

test("a RasdError from a hook keeps its code; a single document a hook refuses is reported, not thrown", async () => {
  await withStore(async (store) => {
    const parse = () => new RasdError("PARSE", "the hook read a malformed field");
    const r = await storeBatch(store, invented(1), { stages: createStages(), hooks: [refusing(/رقم 0$/u, parse)] });
    assert.equal(r.stored, 0);
    assert.deepEqual(r.failures, [{ input: "r.jsonl:1", code: "PARSE", reason: "the hook read a malformed field" }]);
    assert.equal(await countArticles(store.db), 0);
  });
});

test("a store failure is never taken for one document's fault: the batch stops and nothing is kept", async () => {
  await withStore(async (store) => {
    const lost = () => new RasdError("STORE", "lost the connection");
    await assert.rejects(
      storeBatch(store, invented(4), { stages: createStages(), hooks: [refusing(/رقم 2$/u, lost)] }),
      (e: unknown) => e instanceof RasdError && e.code === "STORE",
    );
    assert.equal(await countArticles(store.db), 0);
  });
});

test("documents already stored cost no stages and are counted, not stored again", async () => {
  await withStore(async (store) => {
    const docs = invented(3);
    const first = await storeBatch(store, docs, { stages: createStages() });
    let staged = 0;
    const counting = { name: "count", run: () => void staged++ };
    const again = await storeBatch(store, [...docs, ...docs], { stages: [counting] });
    assert.deepEqual([again.stored, again.existing, staged], [0, 6, 0]);
    assert.deepEqual(again.ids, [...first.ids, ...first.ids]);
  });
});

/** The first records of the real SaudiNewsNet stream, as the source reader hands them over. */
async function streamDocs(n: number): Promise<DocInput[]> {
  const out: DocInput[] = [];
  for await (const w of walkInputs([corpusPath("streams", "saudinewsnet.jsonl.gz")])) {
    if (!w.ok) throw w.error;
    for await (const item of readInput(w.file)) {
      if (item.ok !== true) continue;
      out.push({ raw: item.raw, sourceKey: item.sourceKey });
      if (out.length === n) return out;
    }
  }
  return out;
}

/** Each stored article's linked entity ids and story, keyed by source: what a reader of the store sees. */
async function linked(store: Store): Promise<Map<string, string>> {
  const rows = await store.db.query<{ key: string; ents: string | null; story: string | null }>(
    `SELECT a.source_key AS key, a.story_id AS story,
            (SELECT string_agg(e.entity_id, ',' ORDER BY e.entity_id) FROM article_entities e WHERE e.article_id = a.id) AS ents
       FROM articles a`,
  );
  return new Map(rows.map((r) => [r.key, `${r.ents ?? ""} | ${r.story ?? ""}`]));
}

test("with the worker's shared stages, a refused document leaves the others linked as if it had never come", async () => {
  const docs = await streamDocs(8);
  assert.equal(docs.length, 8);
  const bad = docs[2]!;
  const badTitle = new RegExp(`^${(bad.raw.meta?.title ?? "").replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}$`, "u");
  const withRefusal = await withStore(async (store) => {
    const p = await pipelineFor(store);
    const r = await storeBatch(store, docs, { ...p, hooks: [...p.hooks, refusing(badTitle)] });
    assert.equal(r.stored, 7);
    assert.deepEqual(
      r.failures.map((f) => f.input),
      [`${bad.raw.source.path}:3`],
    );
    return linked(store);
  });
  const without = await withStore(async (store) => {
    const p = await pipelineFor(store);
    const r = await storeBatch(
      store,
      docs.filter((d) => d !== bad),
      p,
    );
    assert.equal(r.stored, 7);
    return linked(store);
  });
  assert.equal(withRefusal.size, 7);
  assert.deepEqual(withRefusal, without);
});
