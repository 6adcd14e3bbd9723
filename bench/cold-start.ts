/**
 * Cold start of the command line: whole processes of bin/rasd.js (the compiled CLI, so `npm run build` first), each
 * started N times in turn, and the median wall time of `rasd --version`, `rasd --help` and `rasd extract --json` on
 * one seed page. `--bin` times another build (a copy of the project with its own dist/); given more than once, the
 * builds run interleaved, run by run, so that they share the machine's load alike. The machine is shared and
 * noisy: compare versions by ratios measured in the same sitting.
 *
 *   npx tsx bench/cold-start.ts [--runs N] [--page FILE] [--bin OTHER/bin/rasd.js]…
 *   nice -n 10 npx tsx bench/cold-start.ts      # same, at lower priority for both the bench and its children
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { corpusPath, projectRoot } from "../src/core/paths.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "10" },
    page: { type: "string" },
    bin: { type: "string", multiple: true },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, got "${values.runs}"`);

const seeds = corpusPath("seeds");
const firstSeed = readdirSync(seeds)
  .filter((f) => f.endsWith(".txt") || f.endsWith(".html"))
  .sort()[0];
if (values.page === undefined && firstSeed === undefined) throw new Error(`no seed page in ${seeds}`);
const page = values.page ?? join(seeds, firstSeed as string);
const bins = values.bin ?? [join(projectRoot(), "bin", "rasd.js")];

const commands: { label: string; args: string[] }[] = [
  { label: "rasd --version", args: ["--version"] },
  { label: "rasd --help", args: ["--help"] },
  { label: `rasd extract --json ${page.split("/").pop()}`, args: ["extract", "--json", page] },
];
const cases = commands.flatMap((c) =>
  bins.map((bin, b) => ({ bin, args: c.args, label: bins.length > 1 ? `${c.label} [bin ${b + 1}]` : c.label })),
);

/** Runs one whole process and returns its wall time in seconds; a failing process stops the bench. */
function once(bin: string, args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`rasd ${args.join(" ")} exited ${r.status}: ${r.stderr.trim()}`);
  return s;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

// Interleave the cases run by run, so that a burst of load on the machine touches all of them alike.
const times = cases.map(() => [] as number[]);
for (let i = 0; i < runs; i++) cases.forEach((c, k) => times[k]?.push(once(c.bin, c.args)));
console.log(`whole-process wall time, ${runs} runs each (median, min–max):`);
if (bins.length > 1) bins.forEach((b, k) => console.log(`  bin ${k + 1}: ${b}`));
cases.forEach((c, k) => {
  const t = times[k] ?? [];
  console.log(
    `  ${c.label.padEnd(56)} ${median(t).toFixed(3)} s  (${Math.min(...t).toFixed(3)}–${Math.max(...t).toFixed(3)})`,
  );
});
