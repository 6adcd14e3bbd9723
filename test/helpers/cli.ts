import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../../src/core/paths.js";

export const BIN = join(projectRoot(), "bin", "rasd.js");

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real command line (compiled) and waits for it; in English (RASD_LANG=en) unless the test asks otherwise. */
export function rasd(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input ?? "",
    encoding: "utf8",
    cwd: opts.cwd ?? projectRoot(),
    env: { ...process.env, RASD_STORE: "", RASD_PG_URL: "", RASD_LANG: "en", ...opts.env },
    maxBuffer: 512 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the command line in the background. */
export function rasdSpawn(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: projectRoot(),
    env: { ...process.env, RASD_STORE: "", RASD_PG_URL: "", RASD_LANG: "en", ...env },
  });
}

/**
 * The command line in another process, awaited without blocking this one (which may hold the store and must answer
 * it).
 */
export function rasdAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = rasdSpawn(args, env);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => (stdout += b.toString("utf8")));
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}

export function tempDir(prefix = "rasd-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function jsonLines<T = Record<string, unknown>>(text: string): T[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);
}
