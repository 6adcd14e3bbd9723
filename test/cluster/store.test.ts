import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { createClusterHook } from "../../src/cluster/hook.js";
import { writeRevisions } from "../../src/cluster/persist.js";
import { readClusters } from "../../src/store/read/index.js";
import { loadHasher } from "../../src/core/hash.js";
import { corpusPath } from "../../src/core/paths.js";
import type { Article } from "../../src/core/types.js";
import { contentHash } from "../../src/pipeline/identity.js";
import { processDoc } from "../../src/pipeline/run.js";
import { createStages } from "../../src/assemble/stages.js";
import { insertArticles } from "../../src/store/articles.js";
import { Store } from "../../src/store/store.js";

await loadHasher();
const dir = corpusPath("seeds");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort();
const stages = createStages();
const seeds: Article[] = [];
for (const f of files)
  seeds.push(
    await processDoc({ source: { path: join(dir, f) }, format: "text", bytes: readFileSync(join(dir, f)) }, f, stages),
  );
const gold = JSON.parse(readFileSync(join(dir, "gold.json"), "utf8")) as { stories: { events: { files: string[] }[] } };

// Reversed order, one article per batch: the fourth batch moves the first article out of the story it founded, and
// topics merge; what the store then holds (articles.story_id, stories.topic_id) must be the engine's final state.
test("moves and topic merges reach the store: seeds in reverse order, one batch each", async () => {
  const store = await Store.open({ dir: "memory://" });
  try {
    const hook = await createClusterHook(store);
    for (const a of [...seeds].reverse()) {
      const rows = [
        { article: a, sourceKey: a.source.path, contentHash: contentHash(a), url: null, outlet: a.publisher.name },
      ];
      await store.db.transaction(async (tx) => {
        await insertArticles(tx, rows);
        await hook.run(tx, [a], rows);
      });
    }
    const clusters = await store.db.transaction((tx) => readClusters(tx));
    const events = clusters.events
      .map((e) => e.articles.map((p) => basename(p)).sort())
      .sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
    assert.deepEqual(
      events,
      gold.stories.events.map((e) => [...e.files].sort()),
    );
    assert.equal(clusters.topics.length, 1);
    assert.equal(clusters.topics[0]!.events.length, 3);
  } finally {
    await store.close();
  }
});

// Stories retired from the clusterer's memory are not rewritten by a batch; a topic merge still carries them along.
test("a merged topic's stories follow the chain of merges in the store, also the ones the batch did not write", async () => {
  const store = await Store.open({ dir: "memory://" });
  try {
    await store.db.transaction(async (tx) => {
      for (const t of ["tA", "tB", "tC"]) await tx.query("INSERT INTO topics (id, label) VALUES ($1, '')", [t]);
      await tx.query(
        "INSERT INTO stories (id, topic_id, title) VALUES ('s1', 'tA', ''), ('s2', 'tB', ''), ('s3', 'tC', '')",
      );
      await writeRevisions(
        tx,
        [],
        [
          { from: "tA", into: "tB" },
          { from: "tB", into: "tC" },
        ],
      );
      const rows = await tx.query<{ id: string; topic_id: string }>("SELECT id, topic_id FROM stories ORDER BY id");
      assert.deepEqual(
        rows.map((r) => r.topic_id),
        ["tC", "tC", "tC"],
      );
      const topics = await tx.query<{ id: string }>("SELECT id FROM topics ORDER BY id");
      assert.deepEqual(
        topics.map((t) => t.id),
        ["tC"],
      );
    });
  } finally {
    await store.close();
  }
});
