/**
 * Times of day: `الساعة 14:58`, `الساعة 3 صباحا`, `الثالثة فجرا`, `الساعة الثالثة و18 دقيقة الصبح`,
 * `الساعة 1:30 بعد الظهر`, `15:23:24`, `الثامنة هذه الليلة`, and `الآن`.
 */
import { readNumber, readOrdinal } from "../text/numerals.js";
import type { Parsed, TimeOfDay } from "./expr.js";
import { DAY_PARTS } from "./lexicon.js";
import { p, w } from "./parts.js";
import { glued, type Token } from "../text/tokens.js";

const APPROX = new Set(["عند", "حوالي", "بحدود", "قرابه", "نحو", "في", "حوالى", "تمام", "قبيل", "بعيد"]);
const HOUR_WORDS = new Set(["الساعه", "ساعه", "بالساعه"]);

interface Clock {
  h: number;
  mi?: number;
  s?: number;
  end: number;
  digits: boolean;
}

/** `14:58`, `15:23:24`, `3` (digits) or a number/ordinal in words (ثلاثة، الثالثة، الحادية عشرة). */
function clock(toks: readonly Token[], i: number): Clock | null {
  const t = toks[i];
  if (t === undefined) return null;
  if (t.k === "n") {
    if (t.frac || (t.int ?? 0) > 2 || t.v === undefined || t.v > 24) return null;
    const c: Clock = { h: t.v, end: i + 1, digits: true };
    if (p(toks, i + 1) === ":" && glued(toks, i + 1) && glued(toks, i + 2) && toks[i + 2]?.k === "n") {
      const mi = toks[i + 2]!;
      if ((mi.int ?? 0) !== 2 || (mi.v ?? 99) > 59) return null;
      c.mi = mi.v!;
      c.end = i + 3;
      if (p(toks, i + 3) === ":" && glued(toks, i + 3) && glued(toks, i + 4) && toks[i + 4]?.k === "n") {
        c.s = toks[i + 4]!.v!;
        c.end = i + 5;
      }
    }
    return c;
  }
  const o = readOrdinal(toks, i) ?? readNumber(toks, i);
  if (!o || !Number.isInteger(o.value) || o.value < 0 || o.value > 24) return null;
  return { h: o.value, end: o.end, digits: false };
}

/** `و 18 دقيقة`, `وثلاث وعشرون دقيقة`, `وربع`, `ونصف`, `إلا ربعا`. Minutes to add (negative for إلا). */
function minutes(toks: readonly Token[], i: number): { mi: number; end: number } | null {
  const f = w(toks, i);
  const frac: Record<string, number> = {
    وربع: 15,
    ربع: 15,
    ونصف: 30,
    نصف: 30,
    ونص: 30,
    نص: 30,
    وثلث: 20,
    ثلث: 20,
    والربع: 15,
    والنصف: 30,
    والثلث: 20,
  };
  if (f in frac && (f.startsWith("و") || w(toks, i - 1) === "و")) return { mi: frac[f]!, end: i + 1 };
  if (f === "و" && w(toks, i + 1) in frac) return { mi: frac[w(toks, i + 1)]!, end: i + 2 };
  if (f === "الا" && /^(ال)?(ربع|ربعا|ثلث|ثلثا)$/.test(w(toks, i + 1))) {
    return {
      mi: w(toks, i + 1)
        .replace(/^ال/, "")
        .startsWith("ربع")
        ? -15
        : -20,
      end: i + 2,
    };
  }
  if (!f.startsWith("و")) return null;
  const j = f === "و" ? i + 1 : i;
  const n = readNumber(toks, j);
  if (!n || !Number.isInteger(n.value) || n.value < 1 || n.value > 59) return null;
  const unit = w(toks, n.end);
  if (unit === "دقيقه" || unit === "دقائق" || unit === "دقايق") return { mi: n.value, end: n.end + 1 };
  return toks[j]?.k === "n" ? { mi: n.value, end: n.end } : null;
}

/** A part of the day after the clock: صباحا، فجرا، عصرا، بعد الظهر، بعد المغرب، هذه الليلة، بتوقيت مكة. */
function dayPart(toks: readonly Token[], i: number): { pm: boolean; end: number } | null {
  let j = i;
  const f = w(toks, j);
  if (f === "بعد" || f === "هذه" || f === "من" || f === "في") j++;
  const part = DAY_PARTS.get(w(toks, j));
  if (!part) return null;
  if (f === "بعد" && w(toks, j) === "منتصف") return { pm: false, end: j + 1 };
  return { pm: part.pm || f === "بعد", end: j + 1 };
}

/** `[عند|حوالي] [الساعة] CLOCK [minutes] [part of day]`. A bare clock in words needs الساعة or a part of the day. */
export function timeOfDay(toks: readonly Token[], i: number): Parsed | null {
  let j = i;
  if (APPROX.has(w(toks, j))) j++;
  const saa = HOUR_WORDS.has(w(toks, j));
  if (saa) j++;
  const c = clock(toks, j);
  if (!c) return null;
  let end = c.end;
  let mi = c.mi;
  const m = mi === undefined ? minutes(toks, end) : null;
  if (m) {
    mi = m.mi < 0 ? 60 + m.mi : m.mi;
    end = m.end;
  }
  let h = m && m.mi < 0 ? c.h - 1 : c.h;
  const part = dayPart(toks, end);
  if (part) end = part.end;
  const colon = c.mi !== undefined;
  if (!saa && !colon && !part) return null;
  if (!saa && !colon && c.digits && !part) return null;
  if (h > 23 || (part && h > 12)) return null;
  const tod: TimeOfDay = { h, grain: c.s !== undefined ? "second" : mi !== undefined ? "minute" : "hour" };
  if (mi !== undefined) tod.mi = mi;
  if (c.s !== undefined) tod.s = c.s;
  if (part) {
    tod.part = part.pm ? "pm" : "am";
    if (part.pm && h < 12) h += 12;
    if (!part.pm && h === 12) h = 0;
    tod.h = h;
  }
  if (w(toks, end) === "بتوقيت" && toks[end + 1]?.k === "w") end += 2;
  return { expr: { t: "time", tod }, end };
}

const NOW = new Set(["الان", "حالا", "الحين"]);

/** الآن، حالا، في هذه اللحظة. */
export function now(toks: readonly Token[], i: number): Parsed | null {
  const f = w(toks, i);
  if (NOW.has(f) || NOW.has(f.replace(/^[وف]/, ""))) return { expr: { t: "now" }, end: i + 1 };
  if (f === "في" && w(toks, i + 1) === "هذه" && w(toks, i + 2) === "اللحظه") return { expr: { t: "now" }, end: i + 3 };
  return null;
}
