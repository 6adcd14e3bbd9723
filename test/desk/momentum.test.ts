import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { breakingStories, burstScore } from "../../src/desk/momentum.js";
import { Store } from "../../src/store/store.js";

const HOUR = 3_600_000;
const NOW = Date.parse("2026-01-10T12:00:00Z");

/** Stores a synthetic article of `story` from `outlet`, arrived at `atMs` (the desk's arrival time). */
async function arrive(store: Store, story: string, outlet: string, atMs: number, n: number): Promise<void> {
  await store.db.query(
    `INSERT INTO articles (id, source_key, content_hash, path, outlet, title, lang, ingested_at, doc, story_id)
     VALUES ($1, $1, $1, $1, $2, $3, 'ar', to_timestamp($4 / 1000.0), '{}'::jsonb, $5)`,
    [`${story}-${n}`, outlet, `خبر ${n}`, atMs, story],
  );
}

describe("momentum (burst score)", () => {
  let store: Store;
  before(async () => {
    store = await Store.open({ dir: "memory://" });
    for (const [id, title] of [
      ["burst", "قصة تنفجر"],
      ["stopped", "قصة كبيرة توقفت"],
      ["steady", "قصة تنمو بانتظام"],
    ])
      await store.db.query("INSERT INTO stories (id, title, article_count) VALUES ($1, $2, 0)", [id, title]);
    // A story gaining five outlets in the last hour.
    for (let i = 0; i < 5; i++) await arrive(store, "burst", `outlet-${i}`, NOW - HOUR + i * 600_000, i);
    // A larger story (30 articles, 6 outlets) whose last article came ten hours ago.
    for (let i = 0; i < 30; i++) await arrive(store, "stopped", `outlet-${i % 6}`, NOW - 10 * HOUR - i * HOUR, i);
    // A larger story growing at its usual rate: one article an hour for two days, from two outlets.
    for (let i = 0; i < 48; i++) await arrive(store, "steady", `outlet-${i % 2}`, NOW - i * HOUR - 1000, i);
  });
  after(async () => store.close());

  it("ranks a story gaining five outlets in an hour above larger stories that stopped or keep their pace", async () => {
    const ranked = await breakingStories(store.db, { nowMs: NOW });
    assert.deepEqual(
      ranked.map((s) => s.id),
      ["burst", "steady"],
      "the stopped story did not grow in the window: it is not breaking",
    );
    const [burst, steady] = ranked;
    assert.deepEqual(burst!.growth, { recent: 5, newOutlets: 5, earlier: 0, earlierHours: 0 });
    assert.ok(burst!.score > 5 * steady!.score);
    assert.ok(steady!.score > 0.5 && steady!.score < 1.5, `a steady story scores about 1 (got ${steady!.score})`);
    assert.match(burst!.why, /5 articles and 5 new outlets in the last 3 h/u);
  });

  it("the same articles arriving later push the burst out of the window", async () => {
    const ranked = await breakingStories(store.db, { nowMs: NOW + 5 * HOUR });
    assert.ok(!ranked.some((s) => s.id === "burst"));
  });

  it("grows with what arrives and falls with the story's earlier rate (property)", () => {
    const growth = fc.record({
      recent: fc.integer({ min: 0, max: 200 }),
      newOutlets: fc.integer({ min: 0, max: 50 }),
      earlier: fc.integer({ min: 0, max: 2000 }),
      earlierHours: fc.double({ min: 0, max: 1000, noNaN: true }),
    });
    fc.assert(
      fc.property(growth, (g) => {
        const s = burstScore(g);
        assert.ok(s >= 0 && Number.isFinite(s));
        if (g.recent + g.newOutlets === 0) assert.equal(s, 0);
        assert.ok(burstScore({ ...g, recent: g.recent + 1 }) > s);
        assert.ok(burstScore({ ...g, earlier: g.earlier + 10 }) <= s);
      }),
    );
  });
});
