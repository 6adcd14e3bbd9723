// The Arabic date line of each MultiLing 2011 article against its English WikiNews dateline (the original).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { corpusPath } from "../../src/core/paths.js";
import { findDates } from "../../src/annotate/dates/find.js";
import { resolve } from "../../src/annotate/dates/resolve.js";
import { isoDay, weekday } from "../../src/annotate/dates/calendar.js";

/** Rows whose Arabic translation states another date than the English original (a translation error). */
const WRONG_TRANSLATION = ["M0005"]; // كانون الأول (December) for January; its own weekday (الخميس) contradicts it too

interface Row {
  id: string;
  ar: string;
  en: string;
}

function rows(): Row[] {
  const text = readFileSync(corpusPath("multiling2011", "datelines_ar_en.tsv"), "utf8");
  return text
    .split("\n")
    .filter((l) => /^M\d+\t/.test(l))
    .map((l) => {
      const [id = "", ar = "", en = ""] = l.split("\t");
      return { id, ar, en };
    });
}

/** The dateline's date and stated weekday, when the line starts with a full date. */
function dateline(line: string): { day: string; wd?: number; consistent: boolean } | null {
  const f = findDates(line)[0];
  if (!f || f.expr.t !== "date" || f.expr.d === undefined || f.expr.y === undefined || f.start > 12) return null;
  const r = resolve(f.expr, { ref: null });
  if (!r) return null;
  const wd = f.expr.wd;
  const consistent = wd === undefined || weekday(r.start.y, r.start.m, r.start.d) === wd;
  return wd === undefined ? { day: isoDay(r.start), consistent } : { day: isoDay(r.start), wd, consistent };
}

test("every Arabic dateline parses to its English dateline, except the listed mistranslations", () => {
  let compared = 0;
  for (const r of rows()) {
    const en = dateline(r.en);
    const ar = dateline(r.ar);
    if (!en || !ar) continue;
    compared++;
    if (WRONG_TRANSLATION.includes(r.id)) assert.notEqual(ar.day, en.day, `${r.id} was listed as mistranslated`);
    else assert.equal(ar.day, en.day, `${r.id}: «${r.ar}»`);
  }
  assert.ok(compared >= 90, `only ${compared} rows compared`);
});

test("the mistranslated rows are exactly those whose Arabic weekday contradicts their Arabic date", () => {
  const inconsistent = rows()
    .filter((r) => dateline(r.ar)?.consistent === false)
    .map((r) => r.id);
  assert.deepEqual(inconsistent, WRONG_TRANSLATION);
});

test("English datelines all agree with their own weekday", () => {
  for (const r of rows()) assert.notEqual(dateline(r.en)?.consistent, false, r.id);
});
