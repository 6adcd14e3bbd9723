import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import { defaultHooks } from "../../src/assemble/hooks.js";
import { storeStageParts } from "../../src/assemble/stages.js";
import { stagePool } from "../../src/assemble/threads.js";
import { loadHasher } from "../../src/core/hash.js";
import { corpusPath } from "../../src/core/paths.js";
import { ingest, type IngestReport } from "../../src/pipeline/ingest.js";
import { Store } from "../../src/store/store.js";
import { tempDir } from "../helpers/cli.js";

/** The first `n` lines of a stream of ../shared/corpus/streams. */
function streamLines(file: string, n: number): string[] {
  return gunzipSync(readFileSync(corpusPath("streams", file)))
    .toString("utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .slice(0, n);
}

/**
 * Everything the store holds about articles, stories and entities, without the clocks (ingested_at, updated_at):
 * what `rasd export` and the read model serve is made of these rows.
 */
async function contents(store: Store): Promise<Record<string, unknown[]>> {
  const q = (sql: string) => store.db.query<Record<string, unknown>>(sql);
  return {
    articles: await q(
      "SELECT id, source_key, content_hash, path, url, outlet, title, lang, published, doc, story_id, duplicate_of FROM articles ORDER BY ingested_seq",
    ),
    stories: await q("SELECT id, topic_id, title, first_date, last_date, article_count, data FROM stories ORDER BY id"),
    topics: await q("SELECT id, label, data FROM topics ORDER BY id"),
    clustered: await q("SELECT article_id, story_id, exact_key, features, decision FROM cluster_articles ORDER BY seq"),
    entities: await q("SELECT id, type, name, gender FROM entities ORDER BY id"),
    names: await q("SELECT entity_id, name, key FROM entity_names ORDER BY entity_id, key"),
    mentions: await q("SELECT article_id, entity_id, mentions FROM article_entities ORDER BY article_id, entity_id"),
  };
}

/** Ingests `paths` into a fresh in-memory store with `threads` stage threads (1: all in this thread). */
async function ingestWith(
  paths: string[],
  threads: number,
  batchSize: number,
): Promise<{ report: IngestReport; contents: Record<string, unknown[]> }> {
  const store = await Store.open({ dir: "memory://" });
  const parts = storeStageParts();
  const pool = threads > 1 ? stagePool(threads) : undefined;
  try {
    const report = await ingest(store, {
      paths,
      stages: [...parts.parallel, ...parts.shared],
      hooks: await defaultHooks(store),
      threads: pool === undefined ? undefined : { pool, rest: parts.shared },
      batchSize,
    });
    return { report, contents: await contents(store) };
  } finally {
    await pool?.close();
    await store.close();
  }
}

test("two stage threads store what one thread stores (SaudiNewsNet and ANT records)", async () => {
  await loadHasher();
  const dir = tempDir();
  const snn = streamLines("saudinewsnet.jsonl.gz", 200);
  // Copies of records of the batch before (batches of 40), so that a batch prepared while its predecessor is being
  // stored meets documents that predecessor stores: they must be found stored, not stored or linked twice.
  const lines = [...snn.slice(0, 80), ...snn.slice(50, 55), ...snn.slice(80)];
  writeFileSync(join(dir, "saudinewsnet.jsonl"), lines.join("\n"));
  writeFileSync(join(dir, "ant.jsonl"), streamLines("ant-multisource.jsonl.gz", 120).join("\n"));
  const paths = [join(dir, "saudinewsnet.jsonl"), join(dir, "ant.jsonl")];

  const one = await ingestWith(paths, 1, 40);
  const two = await ingestWith(paths, 2, 40);
  assert.ok(one.report.stored >= 300, `only ${one.report.stored} of 325 records stored with one thread`);
  assert.ok(one.report.existing >= 5, "the copied records were not found stored");
  assert.deepEqual(
    { ...two.report, seconds: 0 },
    { ...one.report, seconds: 0 },
    "the reports of one and two threads differ",
  );
  assert.ok((one.contents["entities"]?.length ?? 0) > 100, "too few entities for the comparison to mean much");
  assert.ok((one.contents["stories"]?.length ?? 0) > 10, "too few stories for the comparison to mean much");
  for (const table of Object.keys(one.contents)) {
    assert.deepEqual(two.contents[table], one.contents[table], `${table} differ between one and two threads`);
  }
});

test("a broken record in a threaded batch gets its diagnostic and the rest are stored", async () => {
  await loadHasher();
  const dir = tempDir();
  const lines = streamLines("saudinewsnet.jsonl.gz", 24);
  // Not JSON (the reader refuses it) and a record with no text, among real records.
  lines.splice(5, 0, '{"url": "https://invented.example/cut", "content": "نص مقطوع');
  lines.splice(10, 0, JSON.stringify({ url: "https://invented.example/empty", title: "عنوان بلا نص", content: "" }));
  writeFileSync(join(dir, "mixed.jsonl"), lines.join("\n"));
  const one = await ingestWith([join(dir, "mixed.jsonl")], 1, 100);
  const two = await ingestWith([join(dir, "mixed.jsonl")], 2, 100);
  assert.equal(two.report.documents, 26);
  assert.equal(two.report.failed, 1);
  assert.match(two.report.failures[0]?.input ?? "", /mixed\.jsonl:6$/);
  assert.equal(two.report.stored, 25);
  const rules = (c: Record<string, unknown[]>, url: string) => {
    const row = c["articles"]?.find((r) => (r as { url: string }).url === url) as
      { doc: { messages: { rule: string }[] } } | undefined;
    return row?.doc.messages.map((m) => m.rule) ?? [];
  };
  assert.ok(rules(two.contents, "https://invented.example/empty").includes("empty-body"));
  assert.deepEqual({ ...two.report, seconds: 0 }, { ...one.report, seconds: 0 });
  assert.deepEqual(two.contents, one.contents);
});
