/**
 * Scores rasd's date and figure grammars on Duckling's Arabic corpus (../shared/corpus/conformance/duckling).
 * A group passes when every one of its strings, read whole, gives the group's value (and, for times, its grain).
 * Reference time 2013-02-12 04:30 (UTC-2, Duckling's test context); times are read with the `future` bias, as
 * Duckling resolves them (see src/annotate/dates/resolve.ts).
 *
 * The groups are split in two halves by a fixed rule, before any tuning: a group is `checking` when the FNV-1a hash
 * of its dimension and expected value is odd, else `tuning` (see `half`). Rules are written from tuning failures
 * only (`--fails` lists those; `--fails=all` lists both halves); both halves are reported.
 *
 *   npx tsx scripts/duckling-eval.ts [file.jsonl] [--fails[=all]]
 */
import { readFileSync } from "node:fs";
import { corpusPath } from "../src/core/paths.js";
import { dt, type DT } from "../src/annotate/dates/calendar.js";
import { parseWhole } from "../src/annotate/dates/whole.js";
import { parseFigureWhole } from "../src/annotate/figures/whole.js";
import { parseNumeral, readOrdinal } from "../src/annotate/text/numerals.js";
import { tokenize } from "../src/annotate/text/tokens.js";

interface Group {
  dimension: string;
  expected: string;
  texts: string[];
}

const REF: DT = dt(2013, 2, 12, 4, 30, 0);

type Half = "tuning" | "checking";

/** The fixed split: FNV-1a (32-bit) of `dimension expected`, odd → checking. Independent of file order. */
function half(g: Group): Half {
  let h = 0x811c9dc5;
  for (const ch of `${g.dimension} ${g.expected}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 1 ? "checking" : "tuning";
}

let showFails = false;

function tuple(s: string): DT | null {
  const m = /\((-?\d+), (-?\d+), (-?\d+), (-?\d+), (-?\d+), (-?\d+)\)/.exec(s);
  return m ? dt(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) : null;
}

function key(t: DT | undefined): string {
  return t ? `${t.y}-${t.m}-${t.d} ${t.h}:${t.mi}:${t.s}` : "-";
}

function checkTime(g: Group, text: string): boolean {
  const grain = (/\)\)? (\w+)/.exec(g.expected.replace(/"[^"]*"/g, "")) ?? [])[1]?.toLowerCase();
  const tuples = [...g.expected.matchAll(/\((-?\d+), (-?\d+), (-?\d+), (-?\d+), (-?\d+), (-?\d+)\)/g)].map((m) =>
    tuple(m[0]),
  );
  const got = parseWhole(text, { ref: REF, bias: "future" });
  const want = `${key(tuples[0] ?? undefined)} ${tuples[1] ? key(tuples[1]) : "-"} ${grain}`;
  const have = got ? `${key(got.start)} ${got.end ? key(got.end) : "-"} ${got.grain}` : "null";
  if (showFails && want !== have) console.log(`  ${text} → ${have} (want ${want})`);
  return want === have;
}

function checkNumeral(g: Group, text: string): boolean {
  const want = Number(g.expected.replace(/NumeralValue |[()]/g, ""));
  return parseNumeral(text) === want;
}

function checkOrdinal(g: Group, text: string): boolean {
  const want = Number(g.expected.replace(/OrdinalData /, ""));
  const toks = tokenize(text);
  const o = readOrdinal(toks, 0);
  return o !== null && o.end === toks.length && o.value === want;
}

/** Duckling's unit names → rasd's. Duckling's `Dollar`/`Pound` are the bare words (دولار، جنيه). */
const UNIT: Record<string, string> = {
  Dollar: "USD",
  EUR: "EUR",
  Pound: "EGP",
  GBP: "GBP",
  KWD: "KWD",
  LBP: "LBP",
  SAR: "SAR",
  JOD: "JOD",
  ILS: "ILS",
  Second: "second",
  Minute: "minute",
  Hour: "hour",
  Day: "day",
  Week: "week",
  Month: "month",
  Year: "year",
};

function checkFigure(g: Group, text: string): boolean {
  const m = /^(simple|under|above|DurationData) (\w+) ([-\d.e]+)$|^DurationData (\d+) (\w+)$/.exec(g.expected);
  if (!m) return false;
  const [unitName, value, q] = m[5] ? [m[5], Number(m[4]), "simple"] : [m[2]!, Number(m[3]), m[1]!];
  const got = parseFigureWhole(text);
  const qual = q === "under" ? "less than" : q === "above" ? "more than" : undefined;
  const ok = got !== null && got.value === value && got.unit === UNIT[unitName] && got.qualifier === qual;
  if (showFails && !ok) console.log(`  ${text} → ${JSON.stringify(got)} (want ${value} ${unitName} ${q})`);
  return ok;
}

const CHECK: Record<string, (g: Group, t: string) => boolean> = {
  Time: checkTime,
  Numeral: checkNumeral,
  Ordinal: checkOrdinal,
  AmountOfMoney: checkFigure,
  Duration: (g, t) =>
    checkFigure({ ...g, expected: g.expected.replace(/^DurationData (\d+) (\w+)$/, "DurationData $1 $2") }, t),
};

function main(): void {
  const file =
    process.argv.slice(2).find((a) => !a.startsWith("--")) ??
    corpusPath("conformance", "duckling", "duckling_ar_dev.jsonl");
  const groups = readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Group);
  const failsArg = process.argv.find((a) => a.startsWith("--fails"));
  const score = new Map<string, { pass: number; total: number; strings: number; stringsOk: number }>();
  for (const g of groups) {
    const check = CHECK[g.dimension];
    const h = half(g);
    for (const k of [`${g.dimension}|${h}`, `${g.dimension}|all`]) {
      if (!score.has(k)) score.set(k, { pass: 0, total: 0, strings: 0, stringsOk: 0 });
      score.get(k)!.total++;
    }
    if (!check) continue;
    showFails = failsArg === "--fails=all" || (failsArg === "--fails" && h === "tuning");
    let all = true;
    for (const t of g.texts) {
      const ok = check(g, t);
      for (const k of [`${g.dimension}|${h}`, `${g.dimension}|all`]) {
        const s = score.get(k)!;
        s.strings++;
        if (ok) s.stringsOk++;
      }
      all &&= ok;
    }
    if (!all && showFails) console.log(`FAIL ${h} ${g.dimension} ${g.expected}`);
    if (all) for (const k of [`${g.dimension}|${h}`, `${g.dimension}|all`]) score.get(k)!.pass++;
  }
  console.log("dimension      half       groups passed   strings passed");
  for (const [key, s] of [...score].sort()) {
    if (s.strings === 0) continue; // dimensions rasd does not read (PhoneNumber, Quantity…)
    const [dim, h] = key.split("|") as [string, string];
    const pct = ((100 * s.pass) / s.total).toFixed(1);
    const spct = ((100 * s.stringsOk) / s.strings).toFixed(1);
    console.log(
      `${dim.padEnd(14)} ${h.padEnd(9)} ${`${s.pass}/${s.total}`.padStart(7)} ${pct.padStart(6)}%   ${`${s.stringsOk}/${s.strings}`.padStart(8)} ${spct.padStart(6)}%`,
    );
  }
}

main();
