/**
 * Every speed benchmark of the README, one after another in one sitting, each its own process, with the machine and
 * its load average noted before each. The machine is shared and noisy: figures from one sitting are comparable with
 * each other; figures from different sittings are compared only as ratios measured within one.
 *
 *   npm run build && npx tsx bench/all.ts [--only NAME,NAME] [--skip NAME,NAME] [--log FILE]
 *
 * The log (default artifacts/bench-<date>.log) holds each bench's whole output; the summary at the end lists each
 * bench's wall time and exit status. A failing bench is reported and the sitting goes on.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../src/core/paths.js";

/** The README's benchmarks with the arguments its table gives, cheapest first so a short sitting still covers most. */
const BENCHES: { name: string; args: string[]; node?: string[] }[] = [
  { name: "cold-start", args: ["bench/cold-start.ts"] },
  { name: "analysis", args: ["bench/analysis.ts"] },
  { name: "decode", args: ["bench/decode.ts"] },
  { name: "extract-speed", args: ["bench/extract-speed.ts"] },
  { name: "annotate", args: ["bench/annotate.ts", "8"] },
  { name: "entities", args: ["bench/entities.ts"] },
  { name: "summarize", args: ["bench/summarize.ts"] },
  { name: "ingest", args: ["bench/ingest.ts", "--limit", "3000", "--runs", "3", "--threads", "1,2"] },
  {
    name: "ingest-ant",
    args: ["bench/ingest.ts", "--stream", "ant-multisource", "--limit", "3000", "--runs", "3", "--threads", "1,2"],
  },
  { name: "cluster-scale", args: ["bench/cluster-scale.ts"], node: ["--expose-gc"] },
  { name: "cluster-eval", args: ["bench/cluster-eval.ts"] },
  { name: "search", args: ["bench/search.ts"] },
  { name: "server", args: ["bench/server.ts"] },
  { name: "desk", args: ["bench/desk.ts", "--records", "5000"] },
  { name: "workers", args: ["bench/workers.ts", "--records", "1000"] },
  { name: "soak", args: ["bench/soak.ts", "--docs", "6000", "--seconds", "420"] },
];

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    skip: { type: "string" },
    log: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help === true) {
  console.log(
    "usage: npx tsx bench/all.ts [--only NAME,NAME] [--skip NAME,NAME] [--log FILE]\n\n" +
      "Runs the README's speed benchmarks one after another, each in its own process, noting the load before each.\n" +
      `The names, in the order they run: ${BENCHES.map((b) => b.name).join(", ")}.\n` +
      "The log (default artifacts/bench-<date>.log) keeps each bench's whole output and a summary at the end.",
  );
  process.exit(0);
}
const names = (s: string | undefined): Set<string> => new Set((s ?? "").split(",").filter((x) => x !== ""));
const only = names(values.only);
const skip = names(values.skip);
for (const n of [...only, ...skip]) {
  if (!BENCHES.some((b) => b.name === n)) {
    throw new Error(`unknown bench "${n}"; the names are: ${BENCHES.map((b) => b.name).join(", ")}`);
  }
}
const chosen = BENCHES.filter((b) => (only.size === 0 || only.has(b.name)) && !skip.has(b.name));

const root = projectRoot();
const log = values.log ?? join(root, "artifacts", `bench-${new Date().toISOString().slice(0, 10)}.log`);
mkdirSync(dirname(log), { recursive: true });
const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
writeFileSync(log, `# bench/all.ts ${new Date().toISOString()}\n# ${machine}\n`);
console.log(`${machine}\nlog: ${log}`);

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
const results: { name: string; seconds: number; status: number | null; loadBefore: string }[] = [];
for (const b of chosen) {
  const loadBefore = load();
  const header = `\n## ${b.name}: npx tsx ${b.args.join(" ")} (load ${loadBefore})\n`;
  process.stdout.write(header);
  appendFileSync(log, header);
  const t0 = process.hrtime.bigint();
  // tsx is started through node so that node options (e.g. --expose-gc) reach the bench itself.
  const r = spawnSync(process.execPath, [...(b.node ?? []), "--import", "tsx", ...b.args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 256 * 2 ** 20,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const out = `${r.stdout ?? ""}${r.stderr ? `\n[stderr]\n${r.stderr}` : ""}${r.error ? `\n[error] ${r.error.message}` : ""}`;
  process.stdout.write(r.stdout ?? "");
  appendFileSync(log, out);
  results.push({ name: b.name, seconds, status: r.status, loadBefore });
}

const summary = [
  "\n## summary (name, wall s, exit, load before)",
  ...results.map(
    (r) => `${r.name.padEnd(14)} ${r.seconds.toFixed(0).padStart(6)} s  exit ${r.status}  load ${r.loadBefore}`,
  ),
].join("\n");
console.log(summary);
appendFileSync(log, `${summary}\n`);
if (results.some((r) => r.status !== 0)) process.exitCode = 1;
