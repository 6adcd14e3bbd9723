/**
 * Figures in a text: a number (digits or words, with its scale), the unit after it (or a symbol before it, or a
 * counted noun a few words back: "رفع عديد عناصره إلى 210"), a rate (يوميا → /day), a qualifier before it (أكثر من،
 * نحو) and what it measures, in the text's own words. Numbers inside dates and times are not figures.
 *
 *   أكثر من   24   دولة حليفة
 *   qualifier value unit  ─ about
 */
import type { Figure } from "../../core/types.js";
import { bases, tokenize, type Token } from "../text/tokens.js";
import {
  DUALS,
  ONE,
  PERCENT_ONE_WORD,
  PERCENT_WORDS,
  QUALIFIERS,
  RATES,
  SYMBOLS,
  UNIT_WORDS,
} from "./lexicon-units.js";
import { VAGUE } from "../text/number-words.js";
import { readNumber, round } from "../text/numerals.js";
import { CURRENCY_CODES, CURRENCY_NOUNS, CURRENCY_SYMBOLS, SUBUNITS } from "./currencies.js";
import { codeAt, currencyAt, currencyDual } from "./money.js";
import { joinRanges } from "./ranges.js";

export interface Span {
  start: number;
  end: number;
}

interface UnitHit {
  unit: string;
  end: number;
  /** Token index where the unit noun is (for `about`). */
  at: number;
}

function wf(toks: readonly Token[], i: number): string {
  const t = toks[i];
  return t === undefined ? "" : t.k === "p" ? t.f : t.f;
}

interface UnitOptions {
  money: boolean;
}
const WITH_MONEY: UnitOptions = { money: true };

/**
 * A unit word at i, in any clitic form (لـ98 كيلومترا, بـ40 دولة), with its adjective refinement. `money: false`
 * skips currencies (the backward search for a counted noun looks for people and troops only).
 */
function unitWord(toks: readonly Token[], i: number, opts: UnitOptions = WITH_MONEY): UnitHit | null {
  const t = toks[i];
  if (t === undefined) return null;
  const cur = opts.money ? currencyAt(toks, i) : null;
  if (cur) return cur;
  if (t.k === "p" || /^[a-z]+$/.test(t.f)) {
    const s = SYMBOLS.get(t.f) ?? UNIT_WORDS.get(t.f)?.unit;
    return s ? { unit: s, end: i + 1, at: i } : null;
  }
  const f = t.f;
  if (PERCENT_ONE_WORD.has(f)) return { unit: "percent", end: i + 1, at: i };
  if (f === "في" && PERCENT_WORDS.has(wf(toks, i + 1))) return { unit: "percent", end: i + 2, at: i };
  const info =
    UNIT_WORDS.get(f) ??
    bases(f)
      .map((b) => UNIT_WORDS.get(b))
      .find((x) => x !== undefined);
  if (!info) return null;
  const adj = info.by?.get(wf(toks, i + 1));
  return adj ? { unit: adj, end: i + 2, at: i } : { unit: info.unit, end: i + 1, at: i };
}

/** The subunit amount after a currency amount: `20 دولار و43 سنت`, `20$ و 43c`, `$20 43`, `دينار و500 فلس`. */
function cents(toks: readonly Token[], i: number, code: string): { add: number; end: number } | null {
  let j = i;
  if (wf(toks, j) === "و") j++;
  const t = toks[j];
  const word = t?.k === "w" && t.f.startsWith("و") ? t.f.slice(1) : null;
  const n = word === null ? (t?.k === "n" ? t : undefined) : undefined;
  const value = n?.v ?? (word !== null && /^\d+$/.test(word) ? Number(word) : undefined);
  if (value === undefined) return null;
  const su = SUBUNITS.get(wf(toks, j + 1));
  if (su) {
    const per = su.per.get(code) ?? su.fallbackPer;
    return value < per ? { add: value / per, end: j + 2 } : null;
  }
  return j === i && value < 100 && toks[j + 1] === undefined ? { add: value / 100, end: j + 1 } : null;
}

/** Longest first: لا يتجاوز (at most) before يتجاوز (more than). */
const QUALIFIERS_LONGEST = [...QUALIFIERS].sort((a, b) => b[0].length - a[0].length);

function qualifierBefore(toks: readonly Token[], i: number): { q: string; first: number } | null {
  // The first word of a qualifier may carry clitics; its forms are worked out once per position, not per entry.
  const firstForms: Array<string[] | undefined> = [];
  for (const [words, q] of QUALIFIERS_LONGEST) {
    const first = i - words.length;
    if (first < 0) continue;
    if (!words.every((w, k) => k === 0 || wf(toks, first + k) === w)) continue;
    const f = wf(toks, first);
    if (f === words[0]) return { q, first };
    let forms = firstForms[first - i + 8];
    if (forms === undefined) {
      // ولا يتجاوز: ولا is too short for `bases` to strip its و.
      forms = f.startsWith("و") ? [...bases(f), f.slice(1)] : bases(f);
      firstForms[first - i + 8] = forms;
    }
    if (forms.includes(words[0]!)) return { q, first };
  }
  return null;
}

const CLAUSE = new Set([".", "،", ",", "؛", ";", ":", "!", "؟", "?", "(", ")", '"', "«", "»", "“", "”"]);

const COUNTED = new Set(["countries", "people", "troops"]);

function words(toks: readonly Token[], from: number, max: number): string[] {
  const out: string[] = [];
  for (let k = from; k < from + max && toks[k]?.k === "w"; k++) out.push(toks[k]!.s);
  return out;
}

/**
 * What a figure measures: a counted noun and the words qualifying it (دولة حليفة), the noun after a plain count
 * (3 أهداف عسكرية), the words after a measure when they start with من/في/على (40% من المناطق), else the words
 * before the figure (حدود تمتد لـ98 كيلومترا).
 */
function aboutOf(
  toks: readonly Token[],
  first: number,
  end: number,
  unit: string | null,
  unitAt: number | null,
): string | undefined {
  if (unitAt !== null && (unit === null || COUNTED.has(unit.split("/")[0]!)) && toks[unitAt]?.k === "w") {
    return words(toks, unitAt, 3).join(" ");
  }
  if (unit === null && toks[end]?.k === "w") return words(toks, end, 3).join(" ");
  if (/^(من|في|علي)$/u.test(wf(toks, end))) return words(toks, end, 4).join(" ");
  const before: string[] = [];
  for (let k = first - 1; k >= 0 && before.length < 4 && toks[k]?.k === "w"; k--)
    if (toks[k]!.f.length > 1) before.unshift(toks[k]!.s);
  return before.length ? before.join(" ") : undefined;
}

/** A counted noun a few words back when the number ends a clause: `عديد عناصر قواتها … إلى 210`. */
function unitBack(toks: readonly Token[], first: number): UnitHit | null {
  for (let k = first - 1; k >= 0 && k >= first - 10; k--) {
    if (toks[k]?.k === "p" && CLAUSE.has(wf(toks, k))) return null;
    const u = unitWord(toks, k, { money: false });
    if (u && (u.unit === "troops" || u.unit === "people" || u.unit === "countries")) return { ...u, at: k };
  }
  return null;
}

function covered(spans: readonly Span[], t: Token): Span | undefined {
  return spans.find((s) => t.start < s.end && t.end > s.start);
}

/** The figure starting at token i, or null. */
function figureAt(toks: readonly Token[], i: number, text: string): { fig: Figure; end: number } | null {
  const first = i;
  let unit: UnitHit | null = null;
  const pre = toks[i];
  const sym = pre?.k === "p" ? CURRENCY_SYMBOLS.get(pre.f) : pre?.k === "w" ? codeAt(toks, i) : undefined;
  if (sym !== undefined && toks[i + 1] !== undefined && (toks[i + 1]!.k === "n" || toks[i + 1]!.f === "-")) {
    unit = { unit: sym, end: i + 1, at: i };
    i++;
  }
  let value: number;
  let end: number;
  let qualifier: string | undefined;
  const vague = VAGUE.get(`${wf(toks, i)} ${wf(toks, i + 1)}`) ?? VAGUE.get(wf(toks, i));
  if (vague && (toks[i]?.f !== "الاف" || first === i)) {
    const two = VAGUE.has(`${wf(toks, i)} ${wf(toks, i + 1)}`);
    value = vague.value;
    qualifier = vague.qualifier;
    end = i + (two ? 2 : 1);
  } else {
    const n = readNumber(toks, i);
    if (!n) return dualAt(toks, i, text);

    value = n.value;
    end = n.end;
  }
  const alone = unit ? undefined : SUBUNITS.get(wf(toks, end));
  if (alone?.home !== undefined) {
    // A subunit alone with one home currency: 50 هللة = 0.5 SAR, 80 سنتا = 0.8 USD.
    value = round(value / (alone.per.get(alone.home) ?? alone.fallbackPer));
    unit = { unit: alone.home, end: end + 1, at: end };
    end++;
  }
  if (!unit) {
    unit = unitWord(toks, end);
    if (unit) end = unit.end;
  }
  if (unit && /^[A-Z]{3}$/.test(unit.unit)) {
    const c = cents(toks, end, unit.unit);
    if (c) {
      value = round(value + c.add);
      end = c.end;
    }
  }
  const rate = RATES.get(wf(toks, end));
  let unitName = unit?.unit ?? null;
  if (unitName !== null && rate) {
    unitName = `${unitName}/${rate}`;
    end++;
  }
  if (!unit && toks[i]?.k === "n") {
    const back = unitBack(toks, first);
    if (back) unitName = back.unit;
    unit = back;
  }
  if (unitName === null && wf(toks, end) !== "" && toks[end]?.k === "w" && toks[i]?.k === "n") {
    // A plain count of something named after it (3 أهداف): unit stays null, `about` names it.
  } else if (unitName === null && toks[i]?.k !== "n") return null;
  const q = qualifierBefore(toks, first);
  if (q) qualifier = q.q;
  if (wf(toks, end) === "تقريبا") {
    qualifier = "about";
    end++;
  }
  const s = toks[first]!.start;
  const e = toks[end - 1]!.end;
  const fig: Figure = { text: text.slice(s, e), value, unit: unitName, start: s, end: e };
  if (qualifier !== undefined) fig.qualifier = qualifier;
  const about = aboutOf(
    toks,
    q ? q.first : first,
    end,
    unitName,
    unit && unit.at >= first && toks[unit.at]?.k === "w" ? unit.at : null,
  );
  if (about !== undefined) fig.about = about;
  return { fig, end };
}

/** A dual noun alone is a count of two (يومين، دولتين). */
function dualAt(toks: readonly Token[], i: number, _text: string): { fig: Figure; end: number } | null {
  const t = toks[i];
  if (t?.k !== "w") return null;
  const unit =
    DUALS.get(t.f) ??
    bases(t.f)
      .map((b) => DUALS.get(b))
      .find((x) => x !== undefined) ??
    currencyDual(toks, i);
  if (!unit) return null;
  return { fig: { text: t.s, value: 2, unit, start: t.start, end: t.end }, end: i + 1 };
}

const TRIGGER = /[\p{Nd}\p{Sc}]/u;

/**
 * Every figure in `text`. `skip` are spans (dates, times) whose numbers are not figures. Tokens may be passed when
 * the caller already has them.
 */
export function findFigures(
  text: string,
  skip: readonly Span[] = [],
  toks: readonly Token[] = tokenize(text),
): Figure[] {
  const out: Figure[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.k === "p" && !TRIGGER.test(t.f) && !signed(toks, i)) continue;
    if (t.k === "w" && !mayStart(t)) continue;
    const cover = covered(skip, t);
    if (cover) {
      while (i + 1 < toks.length && toks[i + 1]!.start < cover.end) i++;
      continue;
    }
    const hit = figureAt(toks, i, text);
    if (!hit || hit.end <= i) continue;
    if (skip.some((s) => hit.fig.start < s.end && hit.fig.end > s.start)) continue;
    // A digit run too long for a double (a mangled page) is no figure: Infinity measures nothing and JSON can't hold it.
    if (!Number.isFinite(hit.fig.value)) continue;
    out.push(hit.fig);
    i = hit.end - 1;
  }
  joinRanges(text, out);
  return out;
}

/** A minus sign glued to the number after it (−1.2, -3.5%): the figure starts at the sign. */
function signed(toks: readonly Token[], i: number): boolean {
  const t = toks[i]!;
  const n = toks[i + 1];
  return (t.f === "-" || t.f === "\u2212") && n !== undefined && n.k === "n" && n.start === t.end;
}

const STARTS = new Set([...VAGUE.keys()].map((k) => k.split(" ")[0]!));

function mayStart(t: Token): boolean {
  if (t.s.length === 3 && CURRENCY_CODES.has(t.s)) return true; // KWD 42
  return wordMayStart(t.f);
}

function wordMayStart(f: string): boolean {
  const noun = CURRENCY_NOUNS.get(f);
  if (noun?.count === 2 && noun.common) return true; // ديناران
  if (STARTS.has(f) || DUALS.has(f)) return true;
  // Number words all start with one of these letters (after an optional و/ب/ل): cheap pre-filter.
  return /^[وبل]?[صواثتاخسعمحطدن]/u.test(f) && numberish(f);
}

function numberish(f: string): boolean {
  if (f === "احد" || f === "احدي") return true; // أحد عشر، إحدى عشرة: the teen is read by readNumber
  return readNumber([{ s: f, f, start: 0, end: f.length, k: "w" }], 0) !== null || bases(f).some((b) => DUALS.has(b));
}

export { ONE };
