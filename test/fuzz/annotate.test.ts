import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import fc from "fast-check";
import { annotateLine, parseReference, type LineAnnotations } from "../../src/annotate/line.js";
import { dt } from "../../src/annotate/dates/calendar.js";
import { corpus } from "./corpus.js";
import { Counter, assertSpan, params } from "./harness.js";
import { junk, mutate, ops } from "./mutate.js";

let lines: string[] = [];

before(async () => {
  const c = await corpus();
  lines = c.seeds.flatMap((p) => p.text.split("\n")).filter((l) => l.trim() !== "");
});

/**
 * Words dates and figures are made of (month names of the several calendars, weekdays, relative days, units,
 * scales), invented combinations only: no sentence of the corpus is copied.
 */
const WORDS = [
  "يناير",
  "كانون",
  "الثاني",
  "شباط",
  "فبراير",
  "ديسمبر",
  "أيلول",
  "رمضان",
  "محرم",
  "ذو",
  "الحجة",
  "هـ",
  "م",
  "ميلادي",
  "الأحد",
  "الاثنين",
  "الجمعة",
  "أمس",
  "اليوم",
  "غدا",
  "الماضي",
  "المقبل",
  "منذ",
  "قبل",
  "بعد",
  "أيام",
  "عام",
  "سنة",
  "الساعة",
  "صباحا",
  "مساء",
  "في",
  "من",
  "إلى",
  "حتى",
  "نحو",
  "أكثر",
  "أقل",
  "حوالي",
  "مليون",
  "مليار",
  "ألف",
  "آلاف",
  "دولار",
  "ريال",
  "درهم",
  "جنيه",
  "بالمئة",
  "بالمائة",
  "في المئة",
  "%",
  "٪",
  "كيلومتر",
  "طن",
  "شخصا",
  "قتيلا",
  "ثلاثة",
  "عشرون",
  "مئتان",
  "نصف",
  "ربع",
  "الأول",
  "الثالث",
  "January",
  "Dec.",
  "2015",
  "1436",
  "15",
  "٢٠١٥",
  "١٥",
  "۱۴۳۶",
  "3.5",
  "٣٫٥",
  "1,200",
  "١٬٢٠٠",
  "/",
  "-",
  ":",
  "،",
  ".",
  "(",
  ")",
  "12/11/2015",
  "2015-12-15",
  "٠٩:٣٠",
];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 100_000 }).map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 40n }).map(String) },
  { weight: 1, arbitrary: junk },
);

/** The line is annotated in bounded time and every annotation slices back to its surface with a sane value. */
function check(counter: Counter, line: string, result: () => LineAnnotations): void {
  const out = counter.time(result, 3000, `line of ${line.length} characters`);
  for (const d of out.dates) {
    assertSpan(line, d, `date "${d.text}"`);
    if (d.value !== null) assert.match(d.value, /^\d{4}(-\d{2}(-\d{2})?)?$/u, `date value ${d.value} of "${d.text}"`);
  }
  for (const f of out.figures) {
    assertSpan(line, f, `figure "${f.text}"`);
    assert.ok(Number.isFinite(f.value), `figure "${f.text}" has the value ${f.value}, which JSON cannot carry`);
  }
  assert.doesNotThrow(() => JSON.stringify(out));
}

const REF = dt(2015, 12, 15, 10, 0, 0);

describe("fuzz: annotateLine (dates and figures)", () => {
  it("generated date and number phrases", (t) => {
    const counter = new Counter("annotate/generated");
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 14 }),
        fc.constantFrom(" ", "", "  ", "\u00a0"),
        fc.boolean(),
        (toks, sep, withRef) => {
          const line = toks.join(sep);
          check(counter, line, () => annotateLine(line, { ref: withRef ? REF : null }));
        },
      ),
      params(3000),
    );
    t.diagnostic(counter.line());
  });

  it("mutated lines of the seeds", (t) => {
    const counter = new Counter("annotate/mutated-seeds");
    fc.assert(
      fc.property(fc.nat(), ops, fc.constantFrom("past" as const, "future" as const), (i, list, bias) => {
        const line = mutate(lines[i % lines.length]!, list);
        check(counter, line, () => annotateLine(line, { ref: REF, bias }));
      }),
      params(1000),
    );
    t.diagnostic(counter.line());
  });

  it("arbitrary UTF-16 (lone surrogates, controls)", (t) => {
    const counter = new Counter("annotate/arbitrary");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (line) => {
        check(counter, line, () => annotateLine(line, { ref: REF }));
      }),
      params(2000),
    );
    t.diagnostic(counter.line());
  });

  it("the --ref parser takes any string: a time or null, never an exception", (t) => {
    const counter = new Counter("annotate/reference");
    const isoish = fc
      .tuple(
        fc.integer({ min: -1, max: 99999 }),
        fc.integer({ min: -1, max: 14 }),
        fc.integer({ min: -1, max: 40 }),
        fc.integer({ min: -1, max: 25 }),
        fc.integer({ min: -1, max: 61 }),
      )
      .map(
        ([y, m, d, h, mi]) =>
          `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}T${String(h).padStart(2, "0")}:${String(mi).padStart(2, "0")}:00+03:00`,
      );
    fc.assert(
      fc.property(fc.oneof(isoish, fc.string({ unit: "binary", maxLength: 40 })), (s) => {
        const r = counter.time(() => parseReference(s), 100, s);
        if (r !== null) {
          assert.ok(r.m >= 1 && r.m <= 12, `month ${r.m} from "${s}"`);
          assert.ok(r.d >= 1 && r.d <= 31, `day ${r.d} from "${s}"`);
        }
      }),
      params(2000),
    );
    t.diagnostic(counter.line());
  });
});
