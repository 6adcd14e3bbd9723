import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, it } from "node:test";
import { createWatchlist } from "../../src/alerts/watchlists.js";
import { projectRoot } from "../../src/core/paths.js";
import { Store } from "../../src/store/store.js";
import { BIN, tempDir, type RunResult } from "../helpers/cli.js";

const STREAM = join(projectRoot(), "..", "shared", "corpus", "streams", "saudinewsnet.jsonl.gz");
const RECORDS = 240;
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

const skip = existsSync(STREAM) ? false : `no recorded stream at ${STREAM}`;

describe("alerts across a SIGKILL of the desk mid-replay", { skip, timeout: 900_000 }, () => {
  it("loses none and repeats none: one alert per story, every story of the outlet alerted", async () => {
    const dir = tempDir("rasd-alerts-kill-");
    const store = join(dir, "store");
    try {
      const s = await Store.open({ dir: store });
      await createWatchlist(s.db, { kind: "outlet", value: "aawsat" });
      await s.close();

      // The desk serves; a replay goes through it; the desk is killed once some alerts are committed.
      let desk = await serve(store);
      const first = run(["replay", "--store", store, "--speed", "max", "--limit", String(RECORDS), STREAM]);
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
      const second = run(["replay", "--store", store, "--speed", "max", "--limit", String(RECORDS), STREAM]);
      const r2 = await second.done;
      assert.equal(r2.status, 0, r2.stderr);
      desk.kill("SIGTERM");
      await new Promise((r) => desk.once("exit", r));

      const articles = await count(store, "SELECT count(*)::int AS n FROM articles");
      assert.equal(articles, RECORDS);
      const stories = await count(
        store,
        "SELECT count(DISTINCT story_id)::int AS n FROM articles WHERE outlet = 'aawsat' AND story_id IS NOT NULL",
      );
      const alerts = await count(store, "SELECT count(*)::int AS n FROM desk_alerts");
      const alertedStories = await count(store, "SELECT count(DISTINCT story_id)::int AS n FROM desk_alerts");
      const orphans = await count(
        store,
        "SELECT count(*)::int AS n FROM desk_alerts al WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = al.article_id)",
      );
      assert.equal(orphans, 0, "no alert without the article that raised it (none from a rolled-back batch)");
      assert.equal(alerts, alertedStories, "one alert per story");
      assert.equal(alerts, stories, "every story of the outlet raised its alert, none twice");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    /** Alerts committed so far, read through the running desk (this process is a client like any other). */
    async function fetchCount(storeDir: string): Promise<number> {
      return count(storeDir, "SELECT count(*)::int AS n FROM desk_alerts");
    }
  });
});
