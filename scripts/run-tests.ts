/**
 * The test command's runner: gives the PostgreSQL tests a real server, then runs every compiled test with Node's
 * test runner. With RASD_TEST_PG_URL set (CI starts a server), that server is used; otherwise, when Debian's
 * PostgreSQL binaries are on the machine, a throw-away cluster is started in a temporary folder and removed after.
 * Without either, the PostgreSQL suites say so and skip — and under CI=true that is a failure, not a skip.
 */
import { spawn } from "node:child_process";
import { startThrowawayPostgres } from "../test/helpers/postgres-server.js";

async function main(): Promise<number> {
  const env = { ...process.env };
  let stop: (() => Promise<void>) | undefined;
  if (!env["RASD_TEST_PG_URL"]) {
    const pg = await startThrowawayPostgres();
    if (pg) {
      env["RASD_TEST_PG_URL"] = pg.url;
      stop = pg.stop;
      process.stderr.write(`tests: started a throw-away PostgreSQL at ${pg.url}\n`);
    } else {
      process.stderr.write(
        "tests: no PostgreSQL server (set RASD_TEST_PG_URL or install Debian's postgresql); its suites will skip\n",
      );
    }
  }
  const args = [
    "--test",
    "--test-reporter=spec",
    "--test-concurrency=2",
    ...(process.argv.slice(2).length ? process.argv.slice(2) : ["dist/test/"]),
  ];
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, args, { stdio: "inherit", env });
    child.on("exit", (c, sig) => resolve(c ?? (sig ? 1 : 0)));
  });
  if (stop) await stop();
  return code;
}

process.exitCode = await main();
