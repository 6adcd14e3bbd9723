// `--bias`: an open date reads backwards (news, the default) or forwards (Duckling); a cue in the text wins.
import { test } from "node:test";
import assert from "node:assert/strict";
import { annotateLine } from "../../src/annotate/line.js";
import { dt } from "../../src/annotate/dates/calendar.js";

const ref = dt(2013, 2, 12, 4, 30, 0); // a Tuesday

function value(text: string, bias?: "past" | "future"): string | null | undefined {
  return annotateLine(text, bias ? { ref, bias } : { ref }).dates[0]?.value;
}

test("a bare weekday is the last one by default and the next one with the future bias", () => {
  assert.equal(value("الاثنين"), "2013-02-11");
  assert.equal(value("الاثنين", "past"), "2013-02-11");
  assert.equal(value("الاثنين", "future"), "2013-02-18");
});

test("a day and month without a year: this year's past one, or the next one", () => {
  assert.equal(value("1 كانون الثاني", "past"), "2013-01-01");
  assert.equal(value("1 كانون الثاني", "future"), "2014-01-01");
});

test("a relative cue overrides the bias", () => {
  assert.equal(value("الاثنين المقبل", "past"), "2013-02-18");
  assert.equal(value("الاثنين الماضي", "future"), "2013-02-11");
});
