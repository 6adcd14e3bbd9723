import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { listAlerts } from "../../src/alerts/read.js";
import { sign, startDeliverer } from "../../src/alerts/webhook.js";
import { createWatchlist } from "../../src/alerts/watchlists.js";
import { startServer, type Listening } from "../../src/server/serve.js";
import type { Store } from "../../src/store/store.js";
import { ingestPaths, SAMPLE } from "../server/fixture.js";
import { Store as StoreClass } from "../../src/store/store.js";

describe("watchlists and alerts", { timeout: 600_000 }, () => {
  let store: Store;
  let server: Listening;
  const received: { body: string; signature: string; id: string }[] = [];
  let receiver: ReturnType<typeof createServer>;
  let hookUrl: string;
  let failFirst = 2;

  before(async () => {
    store = await StoreClass.open({ dir: "memory://" });
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (b: Buffer) => (body += b.toString("utf8")));
      req.on("end", () => {
        // The first two deliveries fail: the deliverer must retry, and the receiver must still get each alert.
        if (failFirst-- > 0) return void res.writeHead(503).end();
        received.push({
          body,
          signature: String(req.headers["x-rasd-signature"]),
          id: String(req.headers["x-rasd-alert"]),
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    server = await startServer({ store, port: 0, log: () => {} });
  });

  after(async () => {
    await server?.close();
    receiver?.close();
    await store?.close();
  });

  it("raises one alert per matching story, in the UI, the Atom feed and at the webhook (signed)", async () => {
    const outlet = await createWatchlist(store.db, {
      kind: "outlet",
      value: "صدى المدينة",
      webhook: hookUrl,
      secret: "a-test-secret",
    });
    // Written without the hamza: the pages spell him both ways.
    const entity = await createWatchlist(store.db, { kind: "entity", value: "ابراهيم العطار" });
    await ingestPaths(store, [SAMPLE]);

    // Outlet: exactly the stories holding an article of that outlet, each once.
    const expected = (
      await store.db.query<{ story_id: string }>(
        "SELECT DISTINCT story_id FROM articles WHERE outlet = $1 AND story_id IS NOT NULL",
        ["صدى المدينة"],
      )
    )
      .map((r) => r.story_id)
      .sort();
    assert.ok(expected.length > 1);
    const allOutletAlerts = await listAlerts(store.db, { watchlist: outlet.id, limit: 1000 });
    const outletAlerts = allOutletAlerts.filter((a) => a.kind === "new-story");
    assert.deepEqual(outletAlerts.map((a) => a.story.id).sort(), expected);
    // The other alerts of the list are outlets its stories gained afterwards: each a story it follows, each once.
    const gained = allOutletAlerts.filter((a) => a.kind === "new-outlet");
    for (const a of gained) {
      assert.ok(expected.includes(a.story.id));
      assert.ok(a.newOutlet !== null && a.newOutlet !== "صدى المدينة");
    }
    assert.equal(new Set(gained.map((a) => `${a.story.id} ${a.newOutlet}`)).size, gained.length);
    for (const a of outletAlerts) {
      assert.ok(a.story.title !== "");
      assert.ok(a.sentence !== "", `alert for ${a.story.id} carries a first sentence`);
    }

    // Entity: every story with an article where the person is recognised, under either spelling, raises one alert.
    const named = (
      await store.db.query<{ story_id: string }>(
        `SELECT DISTINCT a.story_id FROM articles a, jsonb_array_elements(a.doc->'entities') e,
           jsonb_array_elements(e->'mentions') m
         WHERE m->>'text' IN ('إبراهيم العطار', 'ابراهيم العطار') AND a.story_id IS NOT NULL`,
      )
    ).map((r) => r.story_id);
    assert.ok(named.length > 0, "the sample names him");
    const entityAlerts = (await listAlerts(store.db, { watchlist: entity.id, limit: 1000 })).filter(
      (a) => a.kind === "new-story",
    );
    const entityStories = new Set(entityAlerts.map((a) => a.story.id));
    assert.equal(entityStories.size, entityAlerts.length, "one alert per story");
    for (const s of named) assert.ok(entityStories.has(s), `story ${s} names him but raised no alert`);

    // Ingesting again stores nothing and raises nothing.
    const before = (await listAlerts(store.db, { limit: 1000 })).length;
    await ingestPaths(store, [SAMPLE]);
    assert.equal((await listAlerts(store.db, { limit: 1000 })).length, before);

    // The Atom feed: one entry per alert.
    const atom = await (await fetch(new URL(`/watchlists/${outlet.id}/atom`, server.url))).text();
    assert.equal((atom.match(/<entry>/gu) ?? []).length, allOutletAlerts.length);
    for (const s of expected) assert.ok(atom.includes(`:${s}</id>`));

    // The webhook: each alert once (after retries), signed over the exact body.
    const deliverer = startDeliverer(store.db, { tickMs: 50 });
    const until = Date.now() + 60_000;
    const total = allOutletAlerts.length;
    while (received.length < total && Date.now() < until) {
      await store.db.query("UPDATE desk_alerts SET next_try_ms = 0 WHERE delivered_ms IS NULL");
      await new Promise((r) => setTimeout(r, 100));
    }
    await deliverer.stop();
    assert.equal(received.length, total);
    assert.equal(new Set(received.map((r) => r.id)).size, total, "no alert delivered twice");
    for (const r of received) {
      assert.equal(r.signature, sign("a-test-secret", r.body));
      assert.notEqual(r.signature, sign("another-secret", r.body));
      const body = JSON.parse(r.body) as { story: { id: string }; link: string };
      assert.ok(expected.includes(body.story.id));
    }
    const [pending] = await store.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM desk_alerts WHERE watchlist_id = $1 AND delivered_ms IS NULL",
      [outlet.id],
    );
    assert.equal(pending!.n, 0);
  });
});
