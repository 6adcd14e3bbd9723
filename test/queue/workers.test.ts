import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { after, before, describe, test } from "node:test";
import { bcubed } from "../../src/cluster/bcubed.js";
import { corpusPath, projectRoot } from "../../src/core/paths.js";
import { Store } from "../../src/store/store.js";
import { freshPgDatabase, pgSkip } from "../helpers/stores.js";

/**
 * How much of the stream the queue tests ingest: RASD_TEST_STREAM_LIMIT records, or `all`. CI (CI=true) takes the
 * whole SaudiNewsNet stream (31,030 records; three ingests of 10–17 minutes each on two cores), as the issue asks; a
 * developer's run the first 1,000.
 */
const LIMIT_ENV = process.env["RASD_TEST_STREAM_LIMIT"] ?? (process.env["CI"] === "true" ? "all" : "1000");
const LIMIT = LIMIT_ENV === "all" ? Infinity : Number(LIMIT_ENV);
const BATCH = "20";
const CLI = join(projectRoot(), "bin", "rasd.js");

async function streamSubset(to: string): Promise<number> {
  const lines: string[] = [];
  const rl = createInterface({
    input: createReadStream(corpusPath("streams", "saudinewsnet.jsonl.gz")).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of rl) {
    if (lines.length >= LIMIT) break;
    if (line.trim() !== "") lines.push(line);
  }
  rl.close();
  writeFileSync(to, lines.join("\n") + "\n");
  return lines.length;
}

function rasd(args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stderr: string }>;
} {
  const child = spawn(process.execPath, [CLI, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, RASD_PG_URL: "", RASD_LANG: "en" },
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdout?.resume();
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

async function enqueue(url: string, file: string): Promise<void> {
  const r = await rasd(["ingest", "--pg", url, "--enqueue", "--batch-size", BATCH, file]).done;
  assert.equal(r.code, 0, r.stderr);
}

interface Outcome {
  articles: number;
  placements: number;
  storyOf: Map<string, string>;
  /** Each article's entity ids, comma-joined: the registry every worker linked names with. */
  entitiesOf: Map<string, string>;
  /** Stories whose stored article_count disagrees with the articles pointing at them (a lost update). */
  inconsistent: number;
  openJobs: number;
}

/** What a store holds; `queued` when it was filled through the queue (whose schema `rasd ingest` never creates). */
async function outcome(url: string, queued = true): Promise<Outcome> {
  const store = await Store.open({ pg: url });
  try {
    const q = async (sql: string) => Number((await store.db.query<{ n: number }>(sql))[0]?.n ?? 0);
    const rows = await store.db.query<{ id: string; story_id: string | null }>("SELECT id, story_id FROM articles");
    const ents = await store.db.query<{ id: string; ids: string }>(
      "SELECT article_id AS id, string_agg(entity_id, ',' ORDER BY entity_id) AS ids FROM article_entities GROUP BY article_id",
    );
    return {
      articles: await q("SELECT count(*)::int AS n FROM articles"),
      placements: await q("SELECT count(*)::int AS n FROM cluster_articles"),
      storyOf: new Map(rows.map((r) => [r.id, r.story_id ?? `none:${r.id}`])),
      entitiesOf: new Map(ents.map((r) => [r.id, r.ids])),
      inconsistent: await q(
        `SELECT count(*)::int AS n FROM stories s
          WHERE s.article_count <> (SELECT count(*) FROM articles a WHERE a.story_id = s.id)`,
      ),
      openJobs: queued ? await q("SELECT count(*)::int AS n FROM graphile_worker.jobs") : 0,
    };
  } finally {
    await store.close();
  }
}

/** The stories as sets of articles, whatever their ids: each story's sorted article ids, the stories sorted. */
function partition(storyOf: ReadonlyMap<string, string>): string[] {
  const members = new Map<string, string[]>();
  for (const [article, story] of storyOf) members.set(story, [...(members.get(story) ?? []), article]);
  return [...members.values()].map((m) => m.sort().join(",")).sort();
}

/** Holds a job right now (its lock is taken by this worker process). */
async function holdsJob(url: string, pid: number): Promise<boolean> {
  const store = await Store.open({ pg: url });
  try {
    const r = await store.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE locked_by LIKE $1",
      [`rasd-%-${pid}-%`],
    );
    return Number(r[0]?.n ?? 0) > 0;
  } finally {
    await store.close();
  }
}

describe("ingest workers on PostgreSQL", { skip: pgSkip() }, () => {
  let dir: string;
  let file: string;
  let records = 0;
  let reference: Outcome;
  const drops: (() => Promise<void>)[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "rasd-queue-"));
    file = join(dir, "stream.jsonl");
    records = await streamSubset(file);
  });
  after(async () => {
    for (const d of drops) await d().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  test("one worker: the reference run", async () => {
    const db = await freshPgDatabase();
    drops.push(db.drop);
    await enqueue(db.url, file);
    const r = await rasd(["worker", "--pg", db.url, "--exit-when-idle"]).done;
    assert.equal(r.code, 0, r.stderr);
    reference = await outcome(db.url);
    assert.equal(reference.articles, records, "every record of the stream is one article");
    assert.equal(reference.placements, records);
    assert.equal(reference.inconsistent, 0);
    assert.equal(reference.openJobs, 0);
  });

  test("rasd ingest without the queue stores what one worker stores: the same articles, entities and stories", async () => {
    const db = await freshPgDatabase();
    drops.push(db.drop);
    const r = await rasd(["ingest", "--pg", db.url, "--batch-size", BATCH, file]).done;
    assert.equal(r.code, 0, r.stderr);
    const got = await outcome(db.url, false);
    assert.equal(got.articles, reference.articles);
    assert.equal(got.inconsistent, 0);
    assert.deepEqual(got.entitiesOf, reference.entitiesOf, "names link to the same entities on both paths");
    assert.deepEqual(partition(got.storyOf), partition(reference.storyOf), "the same stories, article for article");
  });

  test("four workers: every article once, the same stories as one worker", async (t) => {
    const db = await freshPgDatabase();
    drops.push(db.drop);
    await enqueue(db.url, file);
    const runs = Array.from({ length: 4 }, () => rasd(["worker", "--pg", db.url, "--exit-when-idle"]).done);
    for (const r of await Promise.all(runs)) assert.equal(r.code, 0, r.stderr);
    const got = await outcome(db.url);
    const f1 = bcubed(reference.storyOf, got.storyOf).f1;
    const otherEntities = [...reference.storyOf.keys()].filter(
      (id) => reference.entitiesOf.get(id) !== got.entitiesOf.get(id),
    );
    t.diagnostic(
      `${records} records; B-cubed F1 of 4 workers against 1: ${f1.toFixed(4)}; stories with a wrong count: ${got.inconsistent}; ` +
        `articles with other entity ids: ${otherEntities.length}`,
    );
    assert.equal(got.articles, reference.articles);
    assert.equal(got.placements, reference.articles, "one placement per article: no article clustered twice");
    assert.equal(got.inconsistent, 0, "no story lost another worker's update");
    assert.deepEqual([...got.storyOf.keys()].sort(), [...reference.storyOf.keys()].sort());
    assert.deepEqual(
      otherEntities,
      [],
      "names link to the same entities as with one worker (one registry, kept in step)",
    );
    assert.deepEqual(
      partition(got.storyOf),
      partition(reference.storyOf),
      `the same stories as one worker, article for article (B-cubed F1 ${f1.toFixed(4)})`,
    );
  });

  test("a worker killed with SIGKILL mid-job: its job is retried, everything ends stored once", async (t) => {
    const db = await freshPgDatabase();
    drops.push(db.drop);
    await enqueue(db.url, file);
    const victim = rasd(["worker", "--pg", db.url, "--exit-when-idle"]);
    const others = Array.from({ length: 3 }, () => rasd(["worker", "--pg", db.url, "--exit-when-idle"]).done);
    // Kill it while it holds a job (after at least one job of its own is done: the kill lands mid-run).
    const deadline = Date.now() + 600_000;
    let jobsDone = 0;
    victim.child.stderr?.on("data", (d: Buffer) => (jobsDone += (d.toString().match(/: job /gu) ?? []).length));
    while (Date.now() < deadline && !(jobsDone >= 1 && (await holdsJob(db.url, victim.child.pid!)))) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(await holdsJob(db.url, victim.child.pid!), "the victim was caught holding a job");
    victim.child.kill("SIGKILL");
    const killed = await victim.done;
    assert.equal(killed.signal, "SIGKILL");
    const results = await Promise.all(others);
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    assert.ok(
      results.some((r) => /found dead worker/u.test(r.stderr)),
      "a surviving worker noticed the dead one",
    );
    const got = await outcome(db.url);
    assert.equal(got.openJobs, 0, "the killed worker's job was retried and finished");
    assert.equal(got.articles, reference.articles);
    assert.equal(got.placements, reference.articles);
    assert.equal(got.inconsistent, 0);
    const f1 = bcubed(reference.storyOf, got.storyOf).f1;
    t.diagnostic(`${records} records; B-cubed F1 of 4 workers, one killed, against 1: ${f1.toFixed(4)}`);
    assert.ok(f1 >= 0.98, `B-cubed F1 against the one-worker run: ${f1.toFixed(4)}`);
  });
});
