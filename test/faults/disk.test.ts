import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { Store } from "../../src/store/store.js";
import { rasd, tempDir } from "../helpers/cli.js";
import { consistencyProblems, counts } from "./consistency.js";
import { faultInputs, startRasd, watchdog } from "./proc.js";

/**
 * The embedded store's disk fills up, then its folder turns read-only. A small tmpfs makes both real when the tests
 * run as root (a container, CI); otherwise the read-only case falls back to a folder without write permission and
 * the disk-full case is skipped (it needs a file system of its own).
 */
let dir = "";
let mnt = "";
let inputs: string[] = [];
let mounted = false;

function sh(cmd: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

function usedKb(): number {
  const r = sh("df", ["-k", "--output=used", mnt]);
  return Number(r.out.trim().split("\n").pop());
}

before(async () => {
  dir = tempDir("rasd-disk-");
  mnt = join(dir, "mnt");
  mkdirSync(mnt);
  inputs = await faultInputs(dir, 80);
  mounted = process.getuid?.() === 0 && sh("mount", ["-t", "tmpfs", "-o", "size=200m", "tmpfs", mnt]).ok;
});

after(() => {
  if (mounted) sh("umount", [mnt]);
  rmSync(dir, { recursive: true, force: true });
});

async function inspect(store: string): Promise<{ articles: number; problems: string[] }> {
  const s = await Store.open({ dir: store });
  try {
    return { articles: (await counts(s.db)).articles, problems: await consistencyProblems(s.db) };
  } finally {
    await s.close();
  }
}

/** A line of the CLI's stderr that names the store and says what to do, without a stack trace. */
function assertClear(stderr: string, store: string, advice: RegExp): void {
  assert.ok(stderr.includes(store), `the message does not name the store "${store}": ${stderr}`);
  assert.match(stderr, advice);
  assert.doesNotMatch(stderr, /\n\s+at |\[object Object\]|Node\.js v/u, stderr);
}

describe("the embedded store's disk", () => {
  it("full: ingest stops with a clear message before the store is harmed; with space again, a re-run finishes", async (t) => {
    if (!mounted) {
      t.skip("needs root to mount a small tmpfs");
      return;
    }
    const store = join(mnt, "store");
    assert.equal(rasd(["ingest", "--store", store, inputs[0]!]).status, 0);
    // Leave 4 MB beyond the store as it is, and stop at 2 MB free: about 70 articles fit, the inputs hold more.
    const limitKb = usedKb() + 4096;
    assert.ok(sh("mount", ["-o", `remount,size=${limitKb}k`, mnt]).ok);
    const run = startRasd(["ingest", "--store", store, "--batch-size", "5", "--verbose", ...inputs], {
      RASD_MIN_FREE_MB: "2",
    });
    const hung = await Promise.race([run.exit.then(() => false), watchdog(240_000).then(() => true)]);
    if (hung) run.child.kill("SIGKILL");
    assert.equal(hung, false, `ingest hung on the full disk: ${run.stderr().slice(-500)}`);
    const { status } = await run.exit;
    t.diagnostic(
      `disk full after ${run.acked()} acknowledged articles: exit ${status}: ${run.stderr().trim().split("\n").pop()}`,
    );
    assert.equal(status, 1);
    assertClear(run.stderr(), store, /full.*free some space.*run the same command again/u);
    assert.ok(sh("mount", ["-o", "remount,size=200m", mnt]).ok);
    const state = await inspect(store);
    assert.deepEqual(state.problems, []);
    assert.ok(state.articles >= run.acked());
    const final = rasd(["ingest", "--store", store, "--json", ...inputs]);
    assert.equal(final.status, 0, final.stderr);
    const report = JSON.parse(final.stdout) as { documents: number; stored: number; existing: number; failed: number };
    assert.equal(report.stored + report.existing, report.documents - report.failed);
    assert.deepEqual((await inspect(store)).problems, []);
    t.diagnostic(`after freeing space: ${report.stored} stored, ${report.existing} already stored`);
  });

  it("read-only: every command says the store folder must be writable; nothing is harmed", async (t) => {
    const store = join(mounted ? mnt : dir, "ro-store");
    assert.equal(rasd(["ingest", "--store", store, inputs[0]!]).status, 0);
    const before = await inspect(store);
    let undo: () => void;
    if (mounted) {
      assert.ok(sh("mount", ["-o", "remount,ro", mnt]).ok);
      undo = () => assert.ok(sh("mount", ["-o", "remount,rw", mnt]).ok);
    } else if (process.getuid?.() !== 0) {
      chmodSync(store, 0o555);
      undo = () => chmodSync(store, 0o755);
    } else {
      t.skip("root without mount: permissions cannot make a folder read-only");
      return;
    }
    try {
      for (const args of [["ingest", inputs[1]!], ["stories"], ["search", "مدينة"]]) {
        const r = rasd([...args, "--store", store]);
        t.diagnostic(`rasd ${args[0]} on a read-only store: exit ${r.status}: ${r.stderr.trim()}`);
        assert.equal(r.status, 1);
        assertClear(r.stderr, store, /writable|read-only/u);
      }
    } finally {
      undo();
    }
    const afterwards = await inspect(store);
    assert.deepEqual(afterwards.problems, []);
    assert.equal(afterwards.articles, before.articles);
  });
});
