import { test } from "node:test";
import assert from "node:assert/strict";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { pipelineFor } from "../../src/assemble/for-store.js";
import { createStages } from "../../src/assemble/stages.js";
import { DEFAULT_CLUSTER_CONFIG, type ClusterConfig } from "../../src/cluster/config.js";
import { Clusterer, type ClustererState } from "../../src/cluster/engine.js";
import type { GroupIndexState } from "../../src/cluster/groups.js";
import { createClusterHook } from "../../src/cluster/hook.js";
import { loadHasher } from "../../src/core/hash.js";
import { corpusPath } from "../../src/core/paths.js";
import type { Article } from "../../src/core/types.js";
import { ingest } from "../../src/pipeline/ingest.js";
import { processDoc } from "../../src/pipeline/run.js";
import { readInput } from "../../src/source/read.js";
import { Store } from "../../src/store/store.js";

await loadHasher();

/** Every 20th SaudiNewsNet record of the first 12,000 (600 records over the stream's first five days). */
async function records(): Promise<string[]> {
  const out: string[] = [];
  const rl = createInterface({
    input: createReadStream(corpusPath("streams", "saudinewsnet.jsonl.gz")).pipe(createGunzip()),
  });
  let n = 0;
  for await (const line of rl) {
    if (n++ % 20 === 0) out.push(line);
    if (n >= 12_000) break;
  }
  rl.close();
  return out;
}

const lines = await records();
const tmp = mkdtempSync(join(tmpdir(), "rasd-snapshot-test-"));
process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, part: readonly string[]): string {
  const f = join(tmp, name);
  writeFileSync(f, part.join("\n") + "\n");
  return f;
}

async function articlesOf(path: string): Promise<Article[]> {
  const stages = createStages();
  const out: Article[] = [];
  for await (const item of readInput({ path, kind: "jsonl", gzip: false, explicit: true })) {
    if (item.ok !== true) continue;
    out.push(await processDoc(item.raw, item.sourceKey, stages));
  }
  return out;
}

/**
 * A small memory window, so that stories, topics and dedup entries retire within a few hundred articles and the
 * checkpoint is taken after retirements (what the default window does over weeks of news).
 */
const SMALL_WINDOW: ClusterConfig = {
  ...DEFAULT_CLUSTER_CONFIG,
  story: { ...DEFAULT_CLUSTER_CONFIG.story, time: { free: 0.5, decay: 0.5 } },
  topic: { ...DEFAULT_CLUSTER_CONFIG.topic, time: { free: 1, decay: 0.5 } },
  memory: { retireEvery: 25, idlePlacements: 40, dedupDays: 1, postingDays: 1 },
};

test("a clusterer loaded from a checkpoint decides every later article as the one that never stopped", async () => {
  const all = await articlesOf(file("engine.jsonl", lines));
  const a = all.slice(0, 400);
  // B: the records after A, then A's first article again under a new id and a late day: it reaches a story that
  // retired from memory long before (older than the window).
  const first = a[0]!;
  const late = all[all.length - 1]!;
  const again: Article = { ...first, id: `${first.id}-again`, published: late.published, source: late.source };
  const b = [...all.slice(400), again];

  const whole = new Clusterer(SMALL_WINDOW);
  let seq = 0;
  for (const x of a) whole.place(x, ++seq);
  const state = JSON.parse(JSON.stringify(whole.exportState())) as ClustererState;
  assert.ok(whole.stories.retired > 0 && whole.topics.retired > 0, "stories and topics retired before the checkpoint");
  assert.ok(!whole.dedup.has(first.id), "the first article left the dedup window");
  const restarted = new Clusterer(SMALL_WINDOW);
  restarted.importState(state);
  let seq2 = seq;
  for (const x of b) {
    const p = whole.place(x, ++seq);
    const q = restarted.place(x, ++seq2);
    assert.deepEqual(q.decision, p.decision, `article ${x.id}: the same decision`);
    assert.deepEqual(q.moved, p.moved);
    assert.deepEqual(q.topicMerges, p.topicMerges);
    assert.deepEqual(q.topicSplits, p.topicSplits);
    assert.deepEqual(q.touched, p.touched);
  }
  assert.equal(whole.storyOf.get(again.id), restarted.storyOf.get(again.id));
  assert.notEqual(whole.storyOf.get(again.id), whole.storyOf.get(first.id), "the retired story is not joined again");
  assert.deepEqual(liveView(restarted.exportState()), liveView(whole.exportState()), "the same memory after B");
});

/**
 * A memory as lookups see it: each key's lists hold only live groups, keys in order, work counters left out. (A checkpoint drops the keys
 * whose lists hold only retired groups; the process that never stopped keeps them, and its lists keep the dead.)
 */
function liveView(s: ClustererState): unknown {
  const level = (g: GroupIndexState) => {
    const live = (i: number) => g.groups[i]![1] !== null;
    const keys = g.postings.keys
      .map(([k, recent, weeks, lists]) => {
        const byWeek = weeks.map((w, i) => [w, lists[i]!.filter(live)] as const).filter(([, l]) => l.length > 0);
        return [k, recent.filter(live), byWeek.sort((x, y) => x[0] - y[0])] as const;
      })
      .filter(([, recent, byWeek]) => recent.length > 0 || byWeek.length > 0)
      .sort((x, y) => (x[0] < y[0] ? -1 : 1));
    return { ...g, postings: { ...g.postings, keys } };
  };
  // `scores` counts work, and the split pairs' score cache is not checkpointed (it only saves recomputing).
  return { ...s, stories: level(s.stories), threader: { ...s.threader, scores: 0, topics: level(s.threader.topics) } };
}

/** What the store holds of the clustering: every placement with its story and decision, stories, topics. */
async function clustering(store: Store): Promise<unknown> {
  const placed = await store.db.query(
    "SELECT c.article_id, c.story_id, c.decision, a.duplicate_of FROM cluster_articles c JOIN articles a ON a.id = c.article_id ORDER BY c.article_id",
  );
  const stories = await store.db.query(
    "SELECT id, topic_id, title, article_count, first_date, last_date FROM stories ORDER BY id",
  );
  const topics = await store.db.query("SELECT id, label FROM topics ORDER BY id");
  return { placed, stories, topics };
}

async function run(dir: string, paths: string[]): Promise<number> {
  const store = await Store.open({ dir });
  try {
    // As `rasd ingest` runs (pipelineFor), with checkpoints every 100 placements and no replay from the first
    // placement: without a checkpoint this store would be restored from the stored results (not exactly).
    const pipeline = await pipelineFor(store);
    const cluster = await createClusterHook(store, { snapshotEvery: 100, replayMax: 0 });
    const hooks = pipeline.hooks.map((h) => (h.name === "cluster" ? cluster : h));
    assert.ok(hooks.includes(cluster));
    const r = await ingest(store, { paths, ...pipeline, hooks, batchSize: 40 });
    return r.stored;
  } finally {
    await store.close();
  }
}

test("ingest A, restart, ingest B stores the same clustering as A and B in one run (from a checkpoint)", async () => {
  const a = file("a.jsonl", lines.slice(0, 330));
  const b = file("b.jsonl", lines.slice(330, 480));
  const once = join(tmp, "once");
  const twice = join(tmp, "twice");
  assert.equal(await run(once, [a, b]), 480);
  assert.equal(await run(twice, [a]), 330);
  const mid = await Store.open({ dir: twice });
  const snaps = await mid.db.query<{ placed: number }>("SELECT placed::float8 AS placed FROM cluster_snapshots");
  await mid.close();
  assert.ok(snaps.length > 0 && snaps.every((s) => Number(s.placed) < 330), "A left checkpoints before its end");
  assert.equal(await run(twice, [b]), 150);
  const x = await Store.open({ dir: once });
  const y = await Store.open({ dir: twice });
  try {
    assert.deepEqual(await clustering(y), await clustering(x));
  } finally {
    await x.close();
    await y.close();
  }
});
