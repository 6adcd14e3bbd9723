// The date grammar on invented sentences: one named case per month system, calendar and relative form.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { annotateLine, parseReference } from "../../src/annotate/line.js";
import { dt } from "../../src/annotate/dates/calendar.js";
import { tokenize } from "../../src/annotate/text/tokens.js";

const REF = dt(2015, 12, 15, 10, 0, 0); // a Tuesday

function dates(text: string, ref = REF) {
  return annotateLine(text, { ref }).dates;
}

function one(text: string, ref = REF) {
  const ds = dates(text, ref);
  assert.equal(ds.length, 1, `${text}: ${JSON.stringify(ds)}`);
  return ds[0]!;
}

const CASES: Array<[string, string, string]> = [
  ["Egyptian month", "وصل الوفد في 3 يناير 2016 إلى القاهرة", "2016-01-03"],
  ["Levantine two-word month", "انعقدت الجلسة في 7 كانون الثاني 2014", "2014-01-07"],
  ["Levantine one-word month", "افتتح المعرض في 21 حزيران 2013", "2013-06-21"],
  ["Maghrebi month", "تنطلق الدورة يوم 14 جويلية 2017", "2017-07-14"],
  ["Maghrebi month (fevrier)", "صدر القرار في 2 فيفري 2019", "2019-02-02"],
  ["Moroccan month", "وقع الاتفاق في 9 شتنبر 2018", "2018-09-09"],
  ["paired months", "بدأت الحملة في 5 يونيو/حزيران 2015", "2015-06-05"],
  ["paired weak month", "أعلن التحالف في آب/ أغسطس 2014", "2014-08"],
  ["Arabic-Indic digits", "اجتمع المجلس في ١٢ مارس ٢٠١٥", "2015-03-12"],
  ["weekday with date", "الخميس 3 ديسمبر 2015 موعد الحفل", "2015-12-03"],
  ["Hijri date", "صدر المرسوم في 15 رجب 1437 هـ", "2016-04-22"],
  ["English caption date", "Officials met in Cairo on December 14, 2015.", "2015-12-14"],
  ["English abbreviated month", "In this Jan. 28, 2016 photo, a crowd gathers.", "2016-01-28"],
  ["ISO date", "نشر في 2016-02-12", "2016-02-12"],
  ["month with year word", "منذ شهر مارس من عام 2011", "2011-03"],
  ["year alone", "وقعت الحرب عام 1990", "1990"],
  ["today with weekday", "قال الوزير اليوم الثلاثاء", "2015-12-15"],
  ["yesterday with weekday", "التقى الرئيس أمس الاثنين وفدا", "2015-12-14"],
  ["day before yesterday", "وصل أول أمس", "2015-12-13"],
  ["tomorrow with weekday", "يعقد لقاء غدا الأربعاء", "2015-12-16"],
  ["after tomorrow", "يصل بعد غد", "2015-12-17"],
  ["weekday in parentheses", "أعلن الوزير، اليوم (الثلاثاء)، أن", "2015-12-15"],
  ["bare weekday: the latest", "وقال الجمعة إن", "2015-12-11"],
  ["bare weekday: future cue", "سيزور الوفد العاصمة الخميس", "2015-12-17"],
  ["next weekday", "الاثنين المقبل", "2015-12-21"],
  ["days ago", "قبل ثلاثة أيام", "2015-12-12"],
  ["dual days ago", "منذ يومين", "2015-12-13"],
  ["last week", "الأسبوع الماضي", "2015-12-07"],
  ["last month", "الشهر الماضي", "2015-11"],
  ["next year", "العام المقبل", "2016"],
  ["month with direction", "في يناير الماضي", "2015-01"],
  ["day-month with direction", "في 28 نوفمبر الماضي", "2015-11-28"],
  ["beginning of the month", "مطلع الشهر الجاري", "2015-12-01"],
  ["mid month", "منتصف آذار", "2016-03-15"],
];

for (const [name, text, want] of CASES) {
  test(`date: ${name}`, () => assert.equal(one(text).value, want));
}

test("a numeric date readable both ways keeps both readings and no value", () => {
  const d = one("نشر بتاريخ 4/5/2016");
  assert.equal(d.value, null);
  assert.deepEqual(d.candidates, ["2016-05-04", "2016-04-05"]);
});

test("a numeric date readable one way only is settled", () => {
  assert.equal(one("بتاريخ 25/12/2015").value, "2015-12-25");
});

test("time of day: 24-hour clock and part of day", () => {
  const a = one("الساعة 14:58");
  assert.equal(a.time, "14:58");
  assert.equal(one("عند الساعة الثالثة عصرا").time, "15:00");
  assert.equal(one("الساعة 9 مساء").time, "21:00");
});

test("a relative date without a reference stays unresolved", () => {
  assert.equal(annotateLine("قال أمس الاثنين", { ref: null }).dates[0]?.value, null);
});

test("a date after منذ is background", () => {
  assert.equal(one("منذ الإعلان عن الاتفاق في 3 مايو 2012").role, "background");
});

test("numbers that are not dates are not taken as dates", () => {
  assert.deepEqual(dates("قتل 12 شخصا وأصيب 40 آخرون في 3 هجمات"), []);
  assert.deepEqual(dates("سجل الفريق 2/1 في المباراة"), []);
});

test("--ref parsing takes the wall-clock time of the stated offset", () => {
  assert.deepEqual(parseReference("2013-02-12T04:30:00-02:00"), dt(2013, 2, 12, 4, 30, 0));
  assert.equal(parseReference("12/02/2013"), null);
});

test("property: annotating never throws and every offset slices back to the text", () => {
  const alphabet = fc.constantFrom(
    ..."اليوم أمس غدا الخميس 12 ٣ / : - يناير كانون الثاني 2016 هـ رجب في من قبل أيام % دولار".split(""),
  );
  fc.assert(
    fc.property(
      fc.array(alphabet, { maxLength: 60 }).map((a) => a.join("")),
      fc.string(),
      (s, t) => {
        for (const text of [s, t]) {
          const r = annotateLine(text, { ref: REF });
          for (const d of r.dates) assert.equal(text.slice(d.start, d.end), d.text);
          for (const f of r.figures) assert.equal(text.slice(f.start, f.end), f.text);
        }
      },
    ),
    { numRuns: 300 },
  );
});

test("property: token offsets slice back to the token", () => {
  fc.assert(
    fc.property(fc.string({ unit: "grapheme" }), (s) => {
      for (const t of tokenize(s)) assert.equal(s.slice(t.start, t.end), t.s);
    }),
  );
});
