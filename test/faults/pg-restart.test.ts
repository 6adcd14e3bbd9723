import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { Store } from "../../src/store/store.js";
import { rasd, tempDir } from "../helpers/cli.js";
import { startThrowawayPostgres } from "../helpers/postgres-server.js";
import { consistencyProblems, counts } from "./consistency.js";
import { faultInputs, sleep, startRasd } from "./proc.js";

/**
 * PostgreSQL restarted the hard way (`pg_ctl restart -m immediate`: every connection cut, no checkpoint) in the
 * middle of `rasd ingest --pg`, on a throw-away cluster of our own (the shared test server must not be restarted).
 * The run either rides it out or stops with a clear message; the store keeps every acknowledged batch, is
 * consistent, and a re-run finishes the job.
 */
let pg: Awaited<ReturnType<typeof startThrowawayPostgres>>;
let dir = "";
let inputs: string[] = [];

before(async () => {
  pg = await startThrowawayPostgres();
  dir = tempDir("rasd-pgfault-");
  inputs = await faultInputs(dir, 60);
});

after(async () => {
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function inspect(url: string): Promise<{ articles: number; problems: string[] }> {
  const s = await Store.open({ pg: url });
  try {
    return { articles: (await counts(s.db)).articles, problems: await consistencyProblems(s.db) };
  } finally {
    await s.close();
  }
}

describe("PostgreSQL restarted during an ingest", () => {
  it("loses nothing acknowledged, says what happened, and a re-run finishes", async (t) => {
    if (pg === undefined) {
      if (process.env["CI"]) assert.fail("CI must have Debian's PostgreSQL binaries for the fault tests");
      t.skip("PostgreSQL is not installed here");
      return;
    }
    const url = pg.url;
    const outcomes: string[] = [];
    for (let round = 0; round < 2; round++) {
      const before = (await inspect(url)).articles;
      const run = startRasd(["ingest", "--pg", url, "--batch-size", "5", "--verbose", ...inputs]);
      const batches = 1 + Math.floor(Math.random() * 3);
      await run.commits(batches);
      await sleep(Math.floor(Math.random() * 300));
      pg.restart();
      const { status } = await run.exit;
      const state = await inspect(url);
      assert.deepEqual(state.problems, [], `round ${round + 1}`);
      assert.ok(
        state.articles >= before + run.acked(),
        `${state.articles} stored, ${before} + ${run.acked()} acknowledged`,
      );
      const lastLine = run.stderr().trim().split("\n").pop() ?? "";
      outcomes.push(
        `restart ${round + 1} after batch ${batches}: exit ${status}, ${run.acked()} acknowledged, ${state.articles} stored; ${status === 0 ? "rode it out" : `said: ${lastLine}`}`,
      );
      if (status !== 0) {
        // The message names the server and says what to do; no stack trace, no "[object Object]".
        assert.match(lastLine, /PostgreSQL/u);
        assert.match(lastLine, /127\.0\.0\.1:\d+/u);
        assert.match(lastLine, /run the same command again|again/u);
        assert.doesNotMatch(run.stderr(), /\n\s+at |\[object Object\]/u);
      }
    }
    const final = rasd(["ingest", "--pg", url, "--json", ...inputs]);
    assert.equal(final.status, 0, final.stderr);
    const report = JSON.parse(final.stdout) as { documents: number; stored: number; existing: number; failed: number };
    assert.equal(report.stored + report.existing, report.documents - report.failed);
    const state = await inspect(url);
    assert.deepEqual(state.problems, []);
    for (const o of outcomes) t.diagnostic(o);
    t.diagnostic(
      `final run: ${report.stored} stored, ${report.existing} already stored; ${state.articles} articles, consistent`,
    );
  });
});
