import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { RasdError } from "../../src/core/errors.js";
import { loadHasher } from "../../src/core/hash.js";
import { defaultHooks } from "../../src/assemble/hooks.js";
import type { IngestHook } from "../../src/store/hooks.js";
import { createStages } from "../../src/assemble/stages.js";
import { countArticles } from "../../src/store/articles.js";
import { Store } from "../../src/store/store.js";
import { pollFeed, type PollReport } from "../../src/watch/poll.js";
import { loadFeed } from "../../src/watch/state.js";
import { watchFeeds } from "../../src/watch/watcher.js";
import { FeedServer, inventedItem, inventedPage, rss } from "./feed-server.js";

const steady = () => 0.5; // jitter factor exactly 1: back-off delays are 2·, 4·, 8· the interval

/** Generous timeouts: the suite shares two cores with other suites, and a late timer must not fail a fetch. */
async function env(store: Store, extra: IngestHook[] = [], timeoutMs = 10_000) {
  return { stages: createStages(), hooks: [...extra, ...(await defaultHooks(store))], timeoutMs, random: steady };
}

async function count(store: Store, table: string): Promise<number> {
  const r = await store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return Number(r[0]?.n ?? 0);
}

describe("rasd watch", () => {
  let server: FeedServer;
  let dir: string;
  before(async () => {
    await loadHasher();
    server = await new FeedServer().start();
    dir = mkdtempSync(join(tmpdir(), "rasd-watch-"));
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("new items are stored once; a summary-only item is stored from its linked page", async () => {
    const store = await Store.open({ dir: "memory://" });
    try {
      server.routes.set("/p/3.html", { body: inventedPage(3), contentType: "text/html; charset=utf-8" });
      const items = [
        inventedItem(1, { full: true, link: server.url("/a/1") }),
        inventedItem(2, { full: true, link: server.url("/a/2") }),
      ];
      items.push(inventedItem(3, { full: false, link: server.url("/p/3.html") }));
      server.routes.set("/new.xml", { body: rss(items) });
      const e = await env(store);
      const first = await pollFeed(store, server.url("/new.xml"), 60, e);
      assert.equal(first.outcome, "ok", String(first.error));
      assert.deepEqual([first.new, first.stored, first.pages], [3, 3, 1]);
      assert.equal(server.count("/a/1"), 0, "a full item's link is not fetched");
      const page = await store.db.query<{ title: string; source_key: string }>(
        "SELECT title, source_key FROM articles WHERE url = $1",
        [server.url("/p/3.html")],
      );
      assert.equal(page[0]?.source_key, server.url("/p/3.html"));
      assert.match(page[0]?.title ?? "", /مقال رقم 3/u, "the page's own title, not the teaser's");

      server.routes.set("/new.xml", {
        body: rss([inventedItem(4, { full: true, link: server.url("/a/4") }), ...items]),
      });
      const second = await pollFeed(store, server.url("/new.xml"), 60, e);
      assert.deepEqual([second.items, second.new, second.stored, second.pages], [4, 1, 1, 0]);
      assert.equal(await countArticles(store.db), 4);
      assert.equal(server.count("/p/3.html"), 1, "a page already taken in is not fetched again");
    } finally {
      await store.close();
    }
  });

  test("an unchanged feed costs one conditional request and nothing else", async () => {
    const store = await Store.open({ dir: "memory://" });
    try {
      server.routes.set("/same.xml", { body: rss([inventedItem(10, { full: true, link: server.url("/a/10") })]) });
      const url = server.url("/same.xml");
      const e = await env(store);
      const first = await pollFeed(store, url, 60, e);
      assert.equal(first.outcome, "ok", JSON.stringify(first));
      const before = server.hits.length;
      const r = await pollFeed(store, url, 60, e);
      assert.equal(r.outcome, "not-modified", JSON.stringify(r));
      const hits = server.hits.slice(before);
      assert.equal(hits.length, 1);
      assert.deepEqual(
        { path: hits[0]?.path, status: hits[0]?.status, conditional: hits[0]?.conditional },
        { path: "/same.xml", status: 304, conditional: true },
      );
      assert.equal(await countArticles(store.db), 1);
    } finally {
      await store.close();
    }
  });

  test("failing, slow and malformed feeds back off without holding up a healthy one", async () => {
    const store = await Store.open({ dir: "memory://" });
    try {
      const good = [inventedItem(20, { full: true, link: server.url("/a/20") })];
      server.routes.set("/good.xml", { body: rss(good) });
      server.routes.set("/fail.xml", { status: 500 });
      server.routes.set("/slow.xml", { body: rss(good), delayMs: 6000 });
      const whole = rss([inventedItem(30, { full: true, link: server.url("/a/30") })]);
      server.routes.set("/bad.xml", { body: whole.slice(0, whole.length - 40) });
      const e = await env(store, [], 2500);
      const ac = new AbortController();
      const polls: PollReport[] = [];
      // Mid-run the healthy feed gets a new item; it must be taken in while the others keep failing.
      setTimeout(
        () =>
          server.routes.set("/good.xml", {
            body: rss([inventedItem(21, { full: true, link: server.url("/a/21") }), ...good]),
          }),
        800,
      );
      setTimeout(() => ac.abort(), 4000);
      await watchFeeds(store, {
        urls: ["/good.xml", "/fail.xml", "/slow.xml", "/bad.xml"].map((p) => server.url(p)),
        intervalS: 0.2,
        signal: ac.signal,
        onPoll: (r) => polls.push(r),
        ...e,
      });
      const goodPolls = polls.filter((p) => p.url.endsWith("/good.xml"));
      assert.ok(goodPolls.length >= 8, `the healthy feed was polled ${goodPolls.length} times`);
      assert.ok(goodPolls.every((p) => p.outcome !== "error"));
      assert.equal(await countArticles(store.db), 2, "both items of the healthy feed, nothing from the broken ones");

      const failAt = server.hits.filter((h) => h.path === "/fail.xml").map((h) => h.at);
      const tries = `the failing feed was tried ${failAt.length} times in 4 s: ${JSON.stringify(polls.filter((p) => p.url.endsWith("/fail.xml")))}`;
      assert.ok(failAt.length >= 3 && failAt.length <= 5, tries);
      const gaps = failAt.slice(1).map((t, i) => t - failAt[i]!);
      // Never sooner than the back-off allows (interval · 2^failures), and growing; delays on a loaded machine only add.
      gaps.forEach((g, i) =>
        assert.ok(g >= 200 * 2 ** (i + 1) - 20, `retry ${i + 2} came after ${g} ms: ${gaps.join(", ")}`),
      );
      assert.ok(gaps[gaps.length - 1]! >= 2 * gaps[0]!, `back-off grows: ${gaps.join(", ")} ms`);
      for (const path of ["/fail.xml", "/slow.xml", "/bad.xml"]) {
        const s = await loadFeed(store.db, server.url(path));
        assert.ok((s?.failures ?? 0) >= 2, `${path} counted ${s?.failures} failures`);
        assert.ok(s?.lastError, `${path} keeps its last error`);
      }
      assert.match((await loadFeed(store.db, server.url("/bad.xml")))?.lastError ?? "", /cut off or malformed/u);
      assert.match((await loadFeed(store.db, server.url("/slow.xml")))?.lastError ?? "", /no answer within/u);

      // Recovery: once the feed works, the streak resets and its items come in.
      server.routes.set("/fail.xml", { body: rss([inventedItem(40, { full: true, link: server.url("/a/40") })]) });
      const r = await pollFeed(store, server.url("/fail.xml"), 0.2, e);
      assert.deepEqual([r.outcome, r.stored, r.failuresInARow], ["ok", 1, 0]);
    } finally {
      await store.close();
    }
  });

  test("a restart neither repeats nor misses items, even after a crash mid-store", async () => {
    const storeDir = join(dir, "restart");
    const url = server.url("/restart.xml");
    const item = (n: number) =>
      inventedItem(n, { full: n !== 3, link: n === 3 ? server.url("/p/r3.html") : server.url(`/r/${n}`) });
    server.routes.set("/p/r3.html", { body: inventedPage(33), contentType: "text/html; charset=utf-8" });
    server.routes.set("/restart.xml", { body: rss([item(1), item(2), item(3)]) });

    let store = await Store.open({ dir: storeDir });
    const r1 = await watchFeeds(store, { urls: [url], once: true, ...(await env(store)) });
    assert.equal(r1.stored, 3);
    await store.close();

    // The feed moves on while rasd is down: item 1 drops out, 4 and 5 arrive.
    server.routes.set("/restart.xml", { body: rss([item(5), item(4), item(3), item(2)]) });
    store = await Store.open({ dir: storeDir });
    // The store going away mid-batch (the closest in-process stand-in for a crash): a STORE error is never taken
    // for one document's fault, so nothing of the batch is kept and the poll counts as failed.
    const crash: IngestHook = {
      name: "crash",
      run() {
        throw new RasdError("STORE", "simulated loss of the store before commit");
      },
    };
    const r2 = await pollFeed(store, url, 60, await env(store, [crash]));
    assert.equal(r2.outcome, "error");
    assert.equal(await countArticles(store.db), 3, "the crashed batch left nothing behind");
    await store.close();

    store = await Store.open({ dir: storeDir });
    try {
      const pagesBefore = server.count("/p/r3.html");
      const e = await env(store);
      const r3 = await watchFeeds(store, { urls: [url], once: true, ...e });
      assert.deepEqual(
        [r3.new, r3.stored, r3.notModified],
        [2, 2, 0],
        "the feed is read again, not answered 304, after the crash",
      );
      assert.equal(server.count("/p/r3.html"), pagesBefore, "item 3's page is not fetched again");
      assert.equal(await countArticles(store.db), 5);
      assert.equal(await count(store, "watch_items"), 5);
      const again = await watchFeeds(store, { urls: [url], once: true, ...e });
      assert.deepEqual([again.notModified, again.stored], [1, 0]);
    } finally {
      await store.close();
    }
  });

  test("an item a hook cannot take costs only itself: the others are stored, the poll is not a failure", async () => {
    const store = await Store.open({ dir: "memory://" });
    try {
      const url = server.url("/picky.xml");
      const items = [60, 61, 62, 63].map((n) => inventedItem(n, { full: true, link: server.url(`/k/${n}`) }));
      server.routes.set("/picky.xml", { body: rss(items) });
      const picky: IngestHook = {
        name: "picky",
        async run(_tx, articles) {
          if (articles.some((a) => a.title.includes("رقم 62"))) throw new Error("this hook cannot take item 62");
        },
      };
      const r1 = await pollFeed(store, url, 60, await env(store, [picky]));
      assert.equal(r1.outcome, "ok", String(r1.error));
      assert.deepEqual([r1.new, r1.stored, r1.failures.length], [4, 3, 1]);
      assert.equal(r1.failures[0]?.input, `${server.url("/k/62")}:3`, "the failure names the item: its link and place");
      assert.equal(r1.failures[0]?.code, "INTERNAL");
      assert.match(r1.failures[0]?.reason ?? "", /cannot take item 62/u);
      const stored = await store.db.query<{ url: string }>("SELECT url FROM articles ORDER BY url");
      assert.deepEqual(
        stored.map((r) => r.url),
        [60, 61, 63].map((n) => server.url(`/k/${n}`)),
      );
      // Like a document a stage refuses, the item is seen (it is not tried at every poll) and the feed read.
      assert.equal(await count(store, "watch_items"), 4);
      const r2 = await pollFeed(store, url, 60, await env(store, [picky]));
      assert.deepEqual([r2.outcome, r2.new, r2.stored], ["not-modified", 0, 0]);
    } finally {
      await store.close();
    }
  });

  test("an item whose page is unavailable waits for it; the feed is not marked read until then", async () => {
    const store = await Store.open({ dir: "memory://" });
    try {
      const url = server.url("/wait.xml");
      server.routes.set("/wait.xml", {
        body: rss([inventedItem(50, { full: false, link: server.url("/p/50.html") })]),
      });
      server.routes.set("/p/50.html", { status: 503 });
      const e = await env(store);
      const r1 = await pollFeed(store, url, 60, e);
      assert.deepEqual([r1.new, r1.deferred, r1.stored], [1, 1, 0], JSON.stringify(r1));
      server.routes.set("/p/50.html", { body: inventedPage(50), contentType: "text/html; charset=utf-8" });
      const r2 = await pollFeed(store, url, 60, e);
      assert.deepEqual([r2.outcome, r2.new, r2.stored, r2.pages], ["ok", 1, 1, 1]);
    } finally {
      await store.close();
    }
  });
});
