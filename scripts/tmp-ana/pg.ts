import { spawnSync } from "node:child_process";
import { startThrowawayPostgres } from "../../test/helpers/postgres-server.js";
const pg = await startThrowawayPostgres();
if (!pg) throw new Error("no pg");
const r = spawnSync("npx", ["tsx", "--test", ...process.argv.slice(2)], { env: { ...process.env, RASD_TEST_PG_URL: pg.url }, encoding: "utf8" });
console.log(r.stdout.split("\n").filter((l) => /^# (pass|fail|skip)|not ok|error:|expected|actual/.test(l)).join("\n"));
await pg.stop();
