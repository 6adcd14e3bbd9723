import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { pipelineFor, type StorePipeline } from "../../src/assemble/for-store.js";
import { listAlerts } from "../../src/alerts/read.js";
import { sign, startDeliverer } from "../../src/alerts/webhook.js";
import { createWatchlist } from "../../src/alerts/watchlists.js";
import { loadHasher } from "../../src/core/hash.js";
import { storeBatch, type DocInput } from "../../src/pipeline/store-batch.js";
import { startServer, type Listening } from "../../src/server/serve.js";
import type { Store } from "../../src/store/store.js";
import { pgSkip, TEST_STORES } from "../helpers/stores.js";

// Invented reports of one event (no third-party text): the same facts, each outlet in its own words.
const WORDINGS = [
  "أعلنت السلطات المحلية في الموصل اليوم افتتاح الجسر الجديد على نهر دجلة بعد ثلاث سنوات من أعمال البناء، وقال محافظ نينوى إن الجسر سيخفف الزحام في المدينة ويربط ضفتيها.",
  "افتتحت السلطات المحلية في الموصل اليوم الجسر الجديد على نهر دجلة بعد ثلاث سنوات من البناء، وأكد محافظ نينوى أن الجسر سيخفف الزحام في المدينة ويربط بين ضفتيها.",
  "شهدت الموصل اليوم افتتاح الجسر الجديد على نهر دجلة الذي استغرق بناؤه ثلاث سنوات، وقال محافظ نينوى إن الجسر الجديد سيخفف الزحام في المدينة ويربط ضفتيها.",
  "في الموصل افتتحت السلطات المحلية اليوم الجسر الجديد فوق نهر دجلة بعد ثلاث سنوات من أعمال البناء، وأوضح محافظ نينوى أن الجسر سيخفف زحام المدينة ويربط ضفتيها.",
];

let n = 0;
/** One invented report from `outlet` (its own site), in wording `w`. */
function report(outlet: string, w: number): DocInput {
  const url = `https://${outlet}.example/news/${++n}`;
  return {
    sourceKey: url,
    raw: {
      source: { path: "invented.jsonl", record: n, url },
      format: "record",
      text: WORDINGS[w]!,
      meta: { title: "افتتاح الجسر الجديد على نهر دجلة في الموصل", url, outlet },
    },
  };
}

for (const ts of TEST_STORES)
  describe(
    `a followed story gaining outlets (${ts.name})`,
    { timeout: 600_000, skip: ts.name === "postgres" ? pgSkip() : false },
    () => {
      let store: Store;
      let drop: () => Promise<void>;
      let p: StorePipeline;
      let server: Listening;
      before(async () => {
        await loadHasher();
        ({ store, drop } = await ts.open());
        p = await pipelineFor(store);
        server = await startServer({ store, port: 0, log: () => {} });
      });
      after(async () => {
        await server?.close();
        await store?.close();
        await drop?.();
      });

      it("raises one alert per new outlet, none for the outlets it had and none per copy", async () => {
        const entity = await createWatchlist(store.db, { kind: "entity", value: "الموصل" });
        const unrelated = await createWatchlist(store.db, { kind: "query", value: "أسعار النفط" });
        const add = async (...docs: DocInput[]) => {
          const r = await storeBatch(store, docs, p);
          assert.deepEqual(r.failures, []);
          assert.equal(r.stored, docs.length);
        };
        const reports = [
          [report("alpha", 0)], // the story appears: one "new-story" alert
          [report("beta", 1)], // a second outlet
          [report("alpha", 2)], // an outlet it had: nothing
          [report("gamma", 3), report("gamma", 3)], // a third outlet, with its copy in the same batch
          [report("gamma", 3), report("beta", 0)], // a later copy from gamma, beta again: nothing
        ];
        for (const batch of reports) await add(...batch);

        const stories = await store.db.query<{ story_id: string | null }>("SELECT DISTINCT story_id FROM articles");
        assert.equal(stories.length, 1, `the reports form one story (got ${JSON.stringify(stories)})`);
        const story = stories[0]!.story_id!;

        const alerts = await listAlerts(store.db, { watchlist: entity.id });
        const stories2 = alerts.filter((a) => a.kind === "new-story");
        const outlets = alerts.filter((a) => a.kind === "new-outlet");
        assert.equal(stories2.length, 1);
        assert.equal(stories2[0]!.newOutlet, null);
        assert.equal(stories2[0]!.article.outlet, "alpha");
        assert.equal(outlets.length, 2, `exactly two new outlets (got ${outlets.map((a) => a.newOutlet).join(", ")})`);
        assert.deepEqual(outlets.map((a) => a.newOutlet).sort(), ["beta", "gamma"]);
        for (const a of alerts) {
          assert.equal(a.story.id, story);
          assert.equal(a.link, `/stories/${encodeURIComponent(story)}`);
          assert.ok(a.story.title !== "");
          assert.ok(a.sentence !== "", "an alert carries a first sentence");
        }
        for (const a of outlets) assert.equal(a.article.outlet, a.newOutlet, "raised by the new outlet's article");
        assert.deepEqual(await listAlerts(store.db, { watchlist: unrelated.id }), []);

        // Storing the same reports again stores nothing and raises nothing.
        const r = await storeBatch(store, reports.flat(), p);
        assert.equal(r.stored, 0);
        assert.equal((await listAlerts(store.db, { watchlist: entity.id })).length, 3);

        // The alerts page and the Atom feed show all three, each kind marked; the feed's ids are distinct.
        const page = await (await fetch(new URL("/alerts", server.url))).text();
        assert.equal((page.match(/data-kind="new-outlet"/gu) ?? []).length, 2);
        assert.equal((page.match(/data-kind="new-story"/gu) ?? []).length, 1);
        const atom = await (await fetch(new URL(`/watchlists/${entity.id}/atom`, server.url))).text();
        const ids = [...atom.matchAll(/<id>(urn:rasd:alert:[^<]+)<\/id>/gu)].map((m) => m[1]);
        assert.equal(new Set(ids).size, 3);
        assert.equal((atom.match(/<category term="new-outlet"\/>/gu) ?? []).length, 2);
      });

      it("posts new-outlet alerts to the webhook, signed, with their kind and outlet", async () => {
        const received: { body: string; signature: string; id: string }[] = [];
        const receiver = createServer((req, res) => {
          let body = "";
          req.on("data", (b: Buffer) => (body += b.toString("utf8")));
          req.on("end", () => {
            received.push({
              body,
              signature: String(req.headers["x-rasd-signature"]),
              id: String(req.headers["x-rasd-alert"]),
            });
            res.writeHead(204).end();
          });
        });
        await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
        try {
          const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
          const w = await createWatchlist(store.db, {
            kind: "outlet",
            value: "epsilon",
            webhook: hook,
            secret: "s3cret-key",
          });
          await storeBatch(store, [report("epsilon", 1)], p); // the outlet's first report: the story, for this list
          await storeBatch(store, [report("zeta", 2), report("zeta", 2)], p); // a new outlet and its copy
          const deliverer = startDeliverer(store.db, { tickMs: 50 });
          const until = Date.now() + 60_000;
          while (received.length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
          await new Promise((r) => setTimeout(r, 300));
          await deliverer.stop();
          assert.equal(received.length, 2);
          const bodies = received.map(
            (r) => JSON.parse(r.body) as { kind: string; newOutlet: string | null; watchlist: { id: string } },
          );
          assert.deepEqual(
            bodies.map((b) => [b.kind, b.newOutlet]),
            [
              ["new-story", null],
              ["new-outlet", "zeta"],
            ],
          );
          for (const b of bodies) assert.equal(b.watchlist.id, w.id);
          for (const r of received) assert.equal(r.signature, sign("s3cret-key", r.body));
          assert.equal(new Set(received.map((r) => r.id)).size, 2);
          assert.match(received[1]!.id, /:outlet:zeta$/u);
        } finally {
          receiver.close();
        }
      });
    },
  );
