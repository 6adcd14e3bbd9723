/**
 * The command line as a child process that a fault test can watch and hurt: it counts the batches the CLI
 * acknowledges (`--verbose`: "committed N new articles (T so far)") and can be killed at a chosen moment.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../src/core/paths.js";
import { streamRecords } from "../fuzz/corpus.js";
import { BIN } from "../helpers/cli.js";

export interface Running {
  child: ChildProcess;
  /** Articles this run has acknowledged as committed (the last "T so far"). */
  acked(): number;
  stderr(): string;
  stdout(): string;
  /** Resolves once `n` batches are acknowledged, or the process ends (false). */
  commits(n: number): Promise<boolean>;
  exit: Promise<{ status: number | null; signal: NodeJS.Signals | null }>;
}

export function startRasd(args: string[], env: NodeJS.ProcessEnv = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: projectRoot(),
    env: { ...process.env, RASD_STORE: "", RASD_PG_URL: "", RASD_LANG: "en", ...env },
  });
  let err = "";
  let out = "";
  let acked = 0;
  let batches = 0;
  const waiters: Array<{ n: number; resolve: (ok: boolean) => void }> = [];
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => {
    err += d.toString();
    for (const m of d.toString().matchAll(/committed \d+ new articles \((\d+) so far\)/gu)) {
      acked = Number(m[1]);
      batches++;
    }
    for (const w of waiters.filter((x) => batches >= x.n)) w.resolve(true);
  });
  const exit = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (status, signal) => {
      for (const w of waiters) w.resolve(false);
      resolve({ status, signal });
    });
  });
  return {
    child,
    acked: () => acked,
    stderr: () => err,
    stdout: () => out,
    commits: (n) => (batches >= n ? Promise.resolve(true) : new Promise((resolve) => waiters.push({ n, resolve }))),
    exit,
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves after `ms` without keeping the process alive (a watchdog that must not outlive the test). */
export const watchdog = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/** The inputs of a fault test: rasd's own sample (pages, HTML, a feed, records) and `n` real stream records. */
export async function faultInputs(dir: string, n: number): Promise<string[]> {
  const path = join(dir, "stream.jsonl");
  writeFileSync(path, (await streamRecords(n)).join("\n") + "\n");
  return [join(projectRoot(), "sample"), path];
}
