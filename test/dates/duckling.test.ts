// Duckling's Arabic corpus (dev part): the share of groups passed, per dimension (see scripts/duckling-eval.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { corpusPath } from "../../src/core/paths.js";
import { dt } from "../../src/annotate/dates/calendar.js";
import { parseWhole } from "../../src/annotate/dates/whole.js";
import { parseNumeral } from "../../src/annotate/text/numerals.js";

interface Group {
  dimension: string;
  expected: string;
  texts: string[];
}
const groups = readFileSync(corpusPath("conformance", "duckling", "duckling_ar_dev.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Group);
const REF = dt(2013, 2, 12, 4, 30, 0);

function share(dim: string, ok: (g: Group, t: string) => boolean): number {
  const gs = groups.filter((g) => g.dimension === dim);
  return gs.filter((g) => g.texts.every((t) => ok(g, t))).length / gs.length;
}

test("at least 90% of the Numeral groups pass", () => {
  const s = share("Numeral", (g, t) => parseNumeral(t) === Number(g.expected.replace(/NumeralValue |[()]/g, "")));
  assert.ok(s >= 0.9, `numeral groups passed: ${s}`);
});

test("at least 90% of the Time groups pass (start, end and grain)", () => {
  const s = share("Time", (g, t) => {
    const tuples = [...g.expected.matchAll(/\((-?\d+), (-?\d+), (-?\d+), (-?\d+), (-?\d+), (-?\d+)\)/g)].map((m) =>
      m.slice(1, 7).map(Number),
    );
    const grain = (/\)\)? (\w+)/.exec(g.expected.replace(/"[^"]*"/g, "")) ?? [])[1]?.toLowerCase();
    const r = parseWhole(t, { ref: REF, bias: "future" });
    if (!r || r.grain !== grain) return false;
    const same = (a: typeof r.start, b: number[] | undefined) =>
      b !== undefined && [a.y, a.m, a.d, a.h, a.mi, a.s].join() === b.join();
    return (
      same(r.start, tuples[0]) &&
      (tuples[1] === undefined ? r.end === undefined : r.end !== undefined && same(r.end, tuples[1]))
    );
  });
  assert.ok(s >= 0.9, `time groups passed: ${s}`);
});
