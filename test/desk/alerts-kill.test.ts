import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { createReadStream, existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { describe, it } from "node:test";
import { createWatchlist } from "../../src/alerts/watchlists.js";
import { projectRoot } from "../../src/core/paths.js";
import { Store } from "../../src/store/store.js";
import { BIN, tempDir, type RunResult } from "../helpers/cli.js";

const STREAM = join(projectRoot(), "..", "shared", "corpus", "streams", "ant-multisource.jsonl.gz");
const RECORDS = 200;
const DAY = "2018-05-09";
const env = { ...process.env, RASD_STORE: "", RASD_PG_URL: "", RASD_TOKEN: "" };

function run(args: string[]): { child: ChildProcess; done: Promise<RunResult> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: projectRoot(), env });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (b: Buffer) => (stdout += b.toString("utf8")));
  child.stderr!.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
  const done = new Promise<RunResult>((resolve) =>
    child.once("close", (status) => resolve({ status, stdout, stderr })),
  );
  return { child, done };
}

async function serve(store: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, "serve", "--store", store, "--port", "0", "--json"], {
    cwd: projectRoot(),
    env,
  });
  await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return child;
}

async function count(store: string, sqlText: string): Promise<number> {
  const s = await Store.open({ dir: store });
  try {
    const [r] = await s.db.query<{ n: number }>(sqlText);
    return Number(r?.n ?? 0);
  } finally {
    await s.close();
  }
}

/**
 * One busy day of five newsrooms (ANT multi-source: AlArabiya, BBC, CNN, France24, Sky News), its first RECORDS
 * articles by publication time, one per URL: stories there gather several outlets, so followed stories gain some.
 * Written to `file` as JSON Lines for the replay.
 */
async function dayOfNews(file: string): Promise<void> {
  const picked: { t: number; line: string }[] = [];
  const urls = new Set<string>();
  for await (const line of createInterface({ input: createReadStream(STREAM).pipe(createGunzip()) })) {
    if (line.trim() === "") continue;
    const r = JSON.parse(line) as { url?: string; time?: string };
    const t = Date.parse(r.time ?? "");
    if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== DAY || urls.has(r.url ?? "")) continue;
    urls.add(r.url ?? "");
    picked.push({ t, line });
  }
  picked.sort((a, b) => a.t - b.t);
  assert.ok(picked.length >= RECORDS, `${DAY} has ${picked.length} articles`);
  writeFileSync(
    file,
    picked
      .slice(0, RECORDS)
      .map((p) => p.line + "\n")
      .join(""),
  );
}

const skip = existsSync(STREAM) ? false : `no recorded stream at ${STREAM}`;

describe("alerts across a SIGKILL of the desk mid-replay", { skip, timeout: 900_000 }, () => {
  it("loses none and repeats none: one alert per story and per outlet it gained, every story of the outlet alerted", async () => {
    const dir = tempDir("rasd-alerts-kill-");
    const store = join(dir, "store");
    const day = join(dir, "day.jsonl");
    try {
      await dayOfNews(day);
      const s = await Store.open({ dir: store });
      await createWatchlist(s.db, { kind: "outlet", value: "skynews" });
      await s.close();

      // The desk serves; a replay goes through it; the desk is killed once some alerts are committed.
      let desk = await serve(store);
      const first = run(["replay", "--store", store, "--speed", "max", "--limit", String(RECORDS), day]);
      const until = Date.now() + 600_000;
      for (;;) {
        const r = await fetchCount(store);
        if (r > 0 || Date.now() > until) break;
        await new Promise((r) => setTimeout(r, 300));
      }
      desk.kill("SIGKILL");
      await new Promise((r) => desk.once("exit", r));
      const interrupted = await first.done;
      assert.notEqual(interrupted.status, 0, "the replay saw its desk go");
      const storedBefore = await count(store, "SELECT count(*)::int AS n FROM articles");
      assert.ok(storedBefore < RECORDS, `killed mid-replay (${storedBefore} of ${RECORDS} stored)`);

      // Restart the desk and replay again: what was committed is recognised, the rest stored.
      desk = await serve(store);
      const second = run(["replay", "--store", store, "--speed", "max", "--limit", String(RECORDS), day]);
      const r2 = await second.done;
      assert.equal(r2.status, 0, r2.stderr);
      desk.kill("SIGTERM");
      await new Promise((r) => desk.once("exit", r));

      const articles = await count(store, "SELECT count(*)::int AS n FROM articles");
      assert.equal(articles, RECORDS);
      // The stories the outlet's articles joined when they arrived (their placement decision): an alert is decided
      // then. Revision may later move an article into another story, which raises no alert of its own (docs/desk.md).
      const stories = await count(
        store,
        "SELECT count(DISTINCT c.decision->>'story')::int AS n FROM articles a JOIN cluster_articles c ON c.article_id = a.id WHERE a.outlet = 'skynews'",
      );
      const alerts = await count(store, "SELECT count(*)::int AS n FROM desk_alerts WHERE new_outlet = ''");
      const alertedStories = await count(
        store,
        "SELECT count(DISTINCT story_id)::int AS n FROM desk_alerts WHERE new_outlet = ''",
      );
      const orphans = await count(
        store,
        "SELECT count(*)::int AS n FROM desk_alerts al WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = al.article_id)",
      );
      assert.equal(orphans, 0, "no alert without the article that raised it (none from a rolled-back batch)");
      assert.equal(alerts, alertedStories, "one alert per story");
      assert.equal(alerts, stories, "every story of the outlet raised its alert, none twice");

      // The outlets the followed stories gained after their alert, from the stored articles (arrival order): each
      // raised exactly one alert, by its first article, whether it arrived before the kill or in the replay after.
      const gained = `
        SELECT DISTINCT ON (al.watchlist_id, a.story_id, a.outlet) al.watchlist_id, a.story_id, a.outlet, a.id
        FROM desk_alerts al
        JOIN articles raised ON raised.id = al.article_id
        JOIN articles a ON a.story_id = al.story_id AND a.ingested_seq > raised.ingested_seq
        WHERE al.new_outlet = '' AND a.outlet IS NOT NULL AND a.outlet <> ''
          AND NOT EXISTS (SELECT 1 FROM articles b
                          WHERE b.story_id = a.story_id AND b.outlet = a.outlet AND b.ingested_seq < a.ingested_seq)
        ORDER BY al.watchlist_id, a.story_id, a.outlet, a.ingested_seq`;
      const outletAlerts = await count(store, "SELECT count(*)::int AS n FROM desk_alerts WHERE new_outlet <> ''");
      const expected = await count(store, `SELECT count(*)::int AS n FROM (${gained}) g`);
      const matching = await count(
        store,
        `SELECT count(*)::int AS n FROM (${gained}) g
         JOIN desk_alerts al ON al.watchlist_id = g.watchlist_id AND al.story_id = g.story_id
           AND al.new_outlet = g.outlet AND al.article_id = g.id`,
      );
      assert.ok(expected > 0, "some followed story gained an outlet in the replay");
      assert.equal(outletAlerts, expected, "one alert per outlet a followed story gained, none twice");
      assert.equal(matching, expected, "each raised by the new outlet's first article");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    /** Alerts committed so far, read through the running desk (this process is a client like any other). */
    async function fetchCount(storeDir: string): Promise<number> {
      return count(storeDir, "SELECT count(*)::int AS n FROM desk_alerts");
    }
  });
});
