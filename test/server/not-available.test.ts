import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadHasher } from "../../src/core/hash.js";
import { ingest } from "../../src/pipeline/ingest.js";
import { createStages } from "../../src/assemble/stages.js";
import { createApp } from "../../src/server/app.js";
import { Store } from "../../src/store/store.js";
import { SAMPLE } from "./fixture.js";

/**
 * A store filled without the clustering and search hooks (an older rasd, or `ingest` before those landed): the
 * server must say plainly what is not available, never show empty or made-up results as if they were real.
 */
let store: Store;

before(async () => {
  await loadHasher();
  store = await Store.open({ dir: "memory://" });
  await ingest(store, { paths: [join(SAMPLE, "records")], stages: createStages(), hooks: [] });
});

after(async () => {
  await store.close();
});

describe("capabilities missing from a store", () => {
  it("stories: 501 NOT_AVAILABLE in the API, a plain notice and the real latest articles in the river", async () => {
    const app = createApp({ store, log: () => {} });
    const r = await app.request("/api/stories");
    assert.equal(r.status, 501);
    const body = (await r.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "NOT_AVAILABLE");
    assert.match(body.error.message, /not available yet/u);
    const river = await (await app.request("/")).text();
    assert.match(river, /class="notice not-available"/u);
    assert.match(river, /href="\/articles\//u, "the stored articles are listed");
    assert.doesNotMatch(river, /story-card/u);
  });

  it("search: 501 NOT_AVAILABLE rather than an empty result", async () => {
    const app = createApp({ store, log: () => {} });
    const r = await app.request(`/api/search?q=${encodeURIComponent("الإسكندرية")}`);
    assert.equal(r.status, 501);
    const page = await (await app.request(`/search?q=${encodeURIComponent("الإسكندرية")}`)).text();
    assert.match(page, /غير متاحة بعد/u, "said in Arabic");
  });

  it("entities still come from the articles' own annotations", async () => {
    const app = createApp({ store, log: () => {} });
    const r = await app.request("/api/entities");
    assert.equal(r.status, 200);
    const list = ((await r.json()) as { entities: Array<{ id: string }> }).entities;
    assert.ok(list.length > 0);
    const one = await app.request(`/api/entities/${encodeURIComponent(list[0]!.id)}`);
    assert.equal(one.status, 200);
  });
});
