import assert from "node:assert/strict";
import { test } from "node:test";
import { maintainGrown } from "../../src/store/maintenance.js";
import { Store } from "../../src/store/store.js";

/** Pages of a table's main file, and the pages its statistics were taken at. */
async function pages(store: Store, table: string): Promise<{ now: number; stats: number }> {
  const [r] = await store.db.query<{ now: number; stats: number }>(
    "SELECT (pg_relation_size($1::regclass) / 8192)::int AS now, relpages AS stats FROM pg_class WHERE oid = $1::regclass",
    [table],
  );
  return { now: Number(r!.now), stats: Number(r!.stats) };
}

test("a table is maintained once it grew by a tenth, and not again until it grows again", async () => {
  const store = await Store.open({ dir: "memory://" });
  try {
    await store.db.exec("CREATE TABLE grows (id int PRIMARY KEY, body text NOT NULL)");
    const fill = (from: number, to: number) =>
      store.db.query("INSERT INTO grows SELECT g, repeat('نص', 200) FROM generate_series($1::int, $2::int) g", [
        from,
        to,
      ]);
    await fill(1, 2000);
    assert.ok(
      (await maintainGrown(store.db)).some((t) => t.endsWith(".grows")),
      "a new, large table is maintained",
    );
    const after = await pages(store, "grows");
    assert.equal(after.stats, after.now, "its pages are recorded");
    assert.deepEqual(await maintainGrown(store.db), [], "nothing grew since");
    await fill(2001, 2050); // 2.5 %: below the threshold
    assert.ok(!(await maintainGrown(store.db)).some((t) => t.endsWith(".grows")));
    // Rewritten rows: dead versions grow the file as new rows would.
    await store.db.query("UPDATE grows SET body = body || 'x' WHERE id <= 600");
    assert.ok(
      (await maintainGrown(store.db)).some((t) => t.endsWith(".grows")),
      "rewrites count as growth",
    );
    // Vacuumed (embedded store): the dead versions' space is reused by the next rewrite instead of growing the file.
    const before = (await pages(store, "grows")).now;
    await store.db.query("UPDATE grows SET body = body || 'y' WHERE id <= 100");
    assert.ok((await pages(store, "grows")).now <= before, "the rewrite fits in the space the vacuum freed");
  } finally {
    await store.close();
  }
});
