import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { Store } from "../../src/store/store.js";
import { rasd, tempDir } from "../helpers/cli.js";
import { consistencyProblems, counts } from "./consistency.js";
import { faultInputs, sleep, startRasd } from "./proc.js";

/**
 * `rasd ingest` killed with SIGKILL at random moments (while starting, opening or migrating the store, and in the
 * middle of batches), several times over, then run to the end: after every kill the embedded store opens, is
 * consistent and holds every batch the CLI acknowledged; the final run finishes the job, and one more stores nothing.
 */
const KILLS = Number(process.env["RASD_FAULT_KILLS"] ?? 4);

let dir = "";
let inputs: string[] = [];
let store = "";

before(async () => {
  dir = tempDir("rasd-kill-");
  inputs = await faultInputs(dir, 80);
  store = join(dir, "store");
});

after(() => rmSync(dir, { recursive: true, force: true }));

async function inspect(): Promise<{ articles: number; problems: string[] }> {
  const s = await Store.open({ dir: store });
  try {
    return { articles: (await counts(s.db)).articles, problems: await consistencyProblems(s.db) };
  } finally {
    await s.close();
  }
}

describe("SIGKILL at random moments during ingest (embedded store)", () => {
  it(`survives ${KILLS} kills, keeps what was acknowledged, and a re-run finishes the job`, async (t) => {
    let before = 0;
    const log: string[] = [];
    for (let k = 0; k < KILLS; k++) {
      const run = startRasd(["ingest", "--store", store, "--batch-size", "5", "--verbose", ...inputs]);
      // The first kill lands while the process starts (loading, locking, migrating); the others mid-ingest, a
      // random moment after a random number of acknowledged batches (inside a transaction or between two).
      let when: string;
      if (k === 0) {
        const ms = Math.floor(Math.random() * 2500);
        await Promise.race([sleep(ms), run.exit]);
        when = `${ms} ms after start`;
      } else {
        const batches = 1 + Math.floor(Math.random() * 3);
        const ms = Math.floor(Math.random() * 400);
        await run.commits(batches);
        await sleep(ms);
        when = `${ms} ms after batch ${batches}`;
      }
      run.child.kill("SIGKILL");
      const { signal } = await run.exit;
      const state = await inspect();
      log.push(
        `kill ${k + 1} ${signal === "SIGKILL" ? "" : "(came too late: the run had ended) "}${when}: ${run.acked()} acknowledged by this run, ${state.articles} stored`,
      );
      assert.deepEqual(state.problems, [], `after kill ${k + 1} (${when})`);
      assert.ok(
        state.articles >= before + run.acked(),
        `kill ${k + 1}: ${state.articles} stored, but ${before} + ${run.acked()} were acknowledged`,
      );
      before = state.articles;
    }
    const final = rasd(["ingest", "--store", store, "--json", ...inputs]);
    assert.equal(final.status, 0, final.stderr);
    const report = JSON.parse(final.stdout) as { documents: number; stored: number; existing: number; failed: number };
    assert.equal(
      report.stored + report.existing,
      report.documents - report.failed,
      "every document stored or found stored",
    );
    const state = await inspect();
    assert.deepEqual(state.problems, []);
    assert.ok(state.articles >= before);
    const again = rasd(["ingest", "--store", store, "--json", ...inputs]);
    const second = JSON.parse(again.stdout) as { stored: number; existing: number };
    assert.equal(second.stored, 0, "a further run has nothing left to do");
    assert.equal((await inspect()).articles, state.articles);
    for (const l of log) t.diagnostic(l);
    t.diagnostic(
      `final run: ${report.stored} stored, ${report.existing} already stored of ${report.documents} documents; ${state.articles} articles, consistent`,
    );
  });
});
