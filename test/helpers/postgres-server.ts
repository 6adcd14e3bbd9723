import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The newest Debian PostgreSQL bin folder, if PostgreSQL is installed. */
function pgBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], "bin");
}

/** Runs a PostgreSQL tool as the `postgres` user when we are root (initdb refuses to run as root). */
function runPg(bin: string, tool: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const cmd = asRoot ? "runuser" : join(bin, tool);
  const full = asRoot ? ["-u", "postgres", "--", join(bin, tool), ...args] : args;
  const r = spawnSync(cmd, full, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${tool} failed: ${r.stderr || r.stdout}`);
}

/**
 * Starts a throw-away PostgreSQL cluster on a free port in a temporary folder. Returns undefined when PostgreSQL
 * is not installed here.
 */
export async function startThrowawayPostgres(): Promise<
  { url: string; stop: () => Promise<void>; restart: () => void } | undefined
> {
  const bin = pgBin();
  if (bin === undefined) return undefined;
  const dir = mkdtempSync(join(tmpdir(), "rasd-pg-"));
  chmodSync(dir, 0o777);
  const data = join(dir, "data");
  const port = 20000 + Math.floor(Math.random() * 20000);
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  runPg(bin, "initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"]);
  runPg(bin, "pg_ctl", [
    "-D",
    data,
    "-l",
    join(dir, "log"),
    "-w",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    "start",
  ]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    /** Restarts the server the hard way (`-m immediate`: no checkpoint, clients cut off), as a crash would (fault tests). */
    restart() {
      runPg(bin, "pg_ctl", [
        "-D",
        data,
        "-l",
        join(dir, "log"),
        "-m",
        "immediate",
        "-w",
        "-o",
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
        "restart",
      ]);
    },
    async stop() {
      try {
        runPg(bin, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
