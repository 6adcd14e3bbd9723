import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { annotateEntities, EntityRegistry } from "../../src/annotate/entities/index.js";
import { SharedRegistry } from "../../src/annotate/entities/registry-log.js";
import { persistEntities } from "../../src/annotate/entities/persist.js";
import { emptyArticle } from "../../src/core/stage.js";
import type { Article } from "../../src/core/types.js";
import { insertArticles } from "../../src/store/articles.js";
import { Store } from "../../src/store/store.js";
import { seedArticles } from "./seed-articles.js";

/** What linking can observe of a registry: every entity with its names, type and gender. */
function state(r: EntityRegistry) {
  return r.all().map((e) => ({ id: e.id, type: e.type, name: e.name, names: [...e.names], gender: e.gender }));
}

function ids(a: Article): string[] {
  return a.entities.map((e) => e.id);
}

test("a registry rebuilt from its journal is the registry that wrote it (the seeds)", () => {
  const live = new EntityRegistry();
  live.startJournal();
  const arts = [...seedArticles().values()];
  for (const a of arts) a.entities = annotateEntities(a, live);
  const ops = live.takeJournal();
  assert.ok(ops.length > 20, `the seeds teach the registry names (${ops.length} changes)`);
  assert.deepEqual(live.takeJournal(), [], "taking the journal empties it");
  const replayed = new EntityRegistry();
  for (const op of ops) replayed.apply(op);
  assert.deepEqual(state(replayed), state(live));
  // Both link a further article the same way (short forms, transliterations: the keys, not only the names).
  const [again] = [...seedArticles().values()];
  assert.deepEqual(
    ids({ ...again!, entities: annotateEntities(again!, replayed) }),
    ids({ ...again!, entities: annotateEntities(again!, live) }),
  );
});

test("replaying any sequence of changes gives the same registry (property)", () => {
  const word = fc.constantFrom(
    "آشتون",
    "اشتون",
    "كارتر",
    "كاتر",
    "جون",
    "كيري",
    "الأسد",
    "بشار",
    "ستولتنبرغ",
    "ستولتنبرج",
    "وزارة",
    "الدفاع",
  );
  const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(" "));
  const type = fc.constantFrom("person" as const, "organization" as const, "place" as const);
  const call = fc.oneof(
    fc.record({ k: fc.constant("entity" as const), name, type }),
    fc.record({ k: fc.constant("name" as const), pick: fc.nat(), name }),
    fc.record({ k: fc.constant("gender" as const), pick: fc.nat(), g: fc.constantFrom("f" as const, "m" as const) }),
  );
  fc.assert(
    fc.property(fc.array(call, { maxLength: 40 }), (calls) => {
      const live = new EntityRegistry({ gazetteer: false });
      live.startJournal();
      for (const c of calls) {
        const known = live.all();
        if (c.k === "entity") live.addEntity(c.name, c.type);
        else if (known.length > 0 && c.k === "name") live.addName(known[c.pick % known.length]!.id, c.name);
        else if (known.length > 0 && c.k === "gender") live.setGender(known[c.pick % known.length]!.id, c.g);
      }
      const replayed = new EntityRegistry({ gazetteer: false });
      for (const op of live.takeJournal()) replayed.apply(op);
      assert.deepEqual(state(replayed), state(live));
      // A checkpoint's state imported into a new registry is the same registry, indexes and their order included.
      const imported = new EntityRegistry();
      imported.importState(JSON.parse(JSON.stringify(live.exportState())) as ReturnType<EntityRegistry["exportState"]>);
      assert.deepEqual(imported.exportState(), live.exportState());
      assert.deepEqual(state(imported), state(live));
      for (const n of ["كارتر", "الأسد", "جون", "آشتون كارتر", "ستولتنبرج"]) {
        assert.deepEqual(replayed.findPart(n), live.findPart(n));
        assert.deepEqual(replayed.findExact(n), live.findExact(n));
      }
    }),
    { numRuns: 300 },
  );
});

/** Links and stores one article the way a worker's batch does: lock, sync, link, insert, persist, log. */
async function storeOne(store: Store, shared: SharedRegistry, a: Article, fail = false): Promise<void> {
  await store.db
    .transaction(async (tx) => {
      await shared.sync(tx);
      a.entities = annotateEntities(a, shared.registry);
      await insertArticles(tx, [{ article: a, sourceKey: a.id, contentHash: a.id, url: null, outlet: null }]);
      await persistEntities(tx, [a]);
      await shared.write(tx);
      if (fail) throw new Error("rolled back on purpose");
    })
    .catch((e: unknown) => {
      shared.spoil();
      if (!fail) throw e;
    });
}

test("two writers taking turns link every article as one registry would; a rolled-back batch is forgotten", async () => {
  const store = await Store.open({ dir: "memory://" });
  try {
    const one = new EntityRegistry();
    const expected = [...seedArticles().values()].map((a) => ids({ ...a, entities: annotateEntities(a, one) }));

    const writers = [await SharedRegistry.load(store.db), await SharedRegistry.load(store.db)];
    const arts = [...seedArticles().values()];
    arts.forEach((a, i) => (a.id = `seed-${i}`));
    // Writer 0 links the first article, then fails a batch with an invented one: its registry learned a name the
    // store never got, and must not use it.
    await storeOne(store, writers[0]!, arts[0]!);
    const discarded = emptyArticle({ path: "invented.txt" });
    discarded.id = "discarded";
    discarded.text = "قال وزير الخارجية سليم الحداد إن المحادثات ستستأنف الأسبوع المقبل.";
    await storeOne(store, writers[0]!, discarded, true);
    assert.equal(discarded.entities[0]?.type, "person");
    for (let i = 1; i < arts.length; i++) await storeOne(store, writers[i % 2]!, arts[i]!);
    assert.deepEqual(arts.map(ids), expected);

    // A third writer starting now holds the same registry as the writers after their last sync.
    const late = await SharedRegistry.load(store.db);
    await writers[0]!.sync(store.db);
    await writers[1]!.sync(store.db);
    assert.deepEqual(state(late.registry), state(writers[0]!.registry));
    assert.deepEqual(state(late.registry), state(writers[1]!.registry));
    assert.deepEqual(state(late.registry), state(one));
  } finally {
    await store.close();
  }
});

test("a writer that restarts from the registry's checkpoint links the next articles as one that never stopped", async () => {
  const store = await Store.open({ dir: "memory://" });
  try {
    const arts = [...seedArticles().values()];
    arts.forEach((a, i) => (a.id = `seed-${i}`));
    const half = Math.ceil(arts.length / 2);
    const live = await SharedRegistry.load(store.db);
    // The first write checkpoints (a store without one), the next ones only log.
    for (const a of arts.slice(0, half)) await storeOne(store, live, a);
    const [snap] = await store.db.query<{ seq: number }>("SELECT max(seq)::float8 AS seq FROM entity_snapshots");
    const [log] = await store.db.query<{ seq: number }>("SELECT max(seq)::float8 AS seq FROM entity_log");
    assert.ok(Number(snap!.seq) > 0 && Number(log!.seq) > Number(snap!.seq), "a checkpoint, then log rows after it");
    // The log before the checkpoint is not read: a start that needed it would now miss names.
    await store.db.query("DELETE FROM entity_log WHERE seq <= $1", [snap!.seq]);

    const restarted = await SharedRegistry.load(store.db);
    assert.deepEqual(restarted.registry.exportState(), live.registry.exportState());
    const rest = arts.slice(half);
    const copies = rest.map((a) => ({ ...a }));
    for (const a of rest) await storeOne(store, restarted, a);
    for (const a of copies) a.entities = annotateEntities(a, live.registry);
    assert.deepEqual(rest.map(ids), copies.map(ids));
    assert.deepEqual(restarted.registry.exportState(), live.registry.exportState());
  } finally {
    await store.close();
  }
});
