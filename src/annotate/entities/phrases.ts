import type { GazetteerEntry } from "./gazetteer/entry.js";
import { gazetteer } from "./gazetteer/index.js";
import { cliticForms, hasCliticForm, tokenize, type Token } from "./text.js";

/**
 * Longest-match lookup of gazetteer names in a token stream. Names are indexed by their folded words; the first
 * word of a match may carry proclitics (بواشنطن، والعراق، للأمم المتحدة), quote marks inside a name are skipped
 * (قاعدة "اندروز" الجوية), and Latin names match case-blind except short all-capital acronyms (AP, UN), which must
 * be written in capitals so that "ap" or "Un" never match.
 */

export interface PhraseHit {
  entry: GazetteerEntry;
  /** Token indexes, end exclusive. */
  from: number;
  to: number;
  /** True when the hit is a related word (a demonym), not a name. */
  related: boolean;
  /** Letters of proclitics before the name on the first word (بتنظيم داعش: 1), 0 when none or when not a prefix. */
  cut: number;
}

interface Index {
  names: Map<string, { entry: GazetteerEntry; related: boolean }>;
  /** First word of a name → the most words a name starting with it has: most words start no name at all. */
  firstWords: Map<string, number>;
  maxWords: number;
}

let index: Index | undefined;

const ACRONYM = /^[\p{Lu}.]{2,5}$/u;

function keyOf(words: readonly string[]): string {
  return words.join(" ");
}

function caseKey(t: Token): string {
  return t.latin && ACRONYM.test(t.text) ? `^${t.text}` : t.norm;
}

function build(): Index {
  const names = new Map<string, { entry: GazetteerEntry; related: boolean }>();
  const firstWords = new Map<string, number>();
  let maxWords = 1;
  const add = (name: string, entry: GazetteerEntry, related: boolean) => {
    const toks = tokenize(name).filter((t) => t.word);
    if (toks.length === 0) return;
    const k = keyOf(toks.map(caseKey));
    if (!names.has(k)) names.set(k, { entry, related });
    const f = caseKey(toks[0]!);
    firstWords.set(f, Math.max(firstWords.get(f) ?? 0, toks.length));
    maxWords = Math.max(maxWords, toks.length);
  };
  for (const e of gazetteer()) {
    for (const n of e.names) add(n, e, false);
    for (const r of e.related) add(r, e, true);
  }
  return { names, firstWords, maxWords };
}

const QUOTES = new Set(['"', "«", "»", "“", "”", "'"]);

/** All longest non-overlapping gazetteer hits in `tokens`, left to right. */
export function findPhrases(tokens: readonly Token[]): PhraseHit[] {
  index ??= build();
  const out: PhraseHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const hit = longestAt(tokens, i, index);
    if (hit === undefined) continue;
    out.push(hit);
    i = hit.to - 1;
  }
  return out;
}

function longestAt(tokens: readonly Token[], i: number, ix: Index): PhraseHit | undefined {
  const first = tokens[i];
  if (first === undefined || !first.word) return undefined;
  // Most words start no name: answered without making the word's forms.
  if (first.latin ? !ix.firstWords.has(caseKey(first)) : !hasCliticForm(first.norm, ix.firstWords)) return undefined;
  const firstForms = (first.latin ? [{ form: caseKey(first), cut: 0 }] : cliticForms(first.norm)).filter((f) =>
    ix.firstWords.has(f.form),
  );
  if (firstForms.length === 0) return undefined;
  const most = Math.max(...firstForms.map((f) => ix.firstWords.get(f.form)!));
  // The words after the first, skipping quote marks, with the token index each ends at.
  const rest: Array<{ w: string; end: number }> = [];
  for (let j = i + 1; j < tokens.length && rest.length < most - 1; j++) {
    const t = tokens[j]!;
    if (!t.word && QUOTES.has(t.text)) continue;
    if (!t.word) break;
    rest.push({ w: caseKey(t), end: j + 1 });
  }
  for (let n = rest.length; n >= 0; n--) {
    const end = n === 0 ? i + 1 : rest[n - 1]!.end;
    // Quote marks may sit inside a name only in pairs: تنظيم "داعش is not a name, قاعدة "اندروز" الجوية is.
    if (tokens.slice(i, end).filter((t) => QUOTES.has(t.text)).length % 2 === 1) continue;
    const tail = rest.slice(0, n).map((r) => r.w);
    for (const f of firstForms) {
      const found = ix.names.get(keyOf([f.form, ...tail]));
      // للأسد matched as الأسد: the ل of ال was swallowed, so no prefix of the word is the name.
      const cut = first.norm.endsWith(f.form) ? f.cut : 0;
      if (found !== undefined) return { ...found, from: i, to: end, cut };
    }
  }
  return undefined;
}

/** The gazetteer entry a whole name matches, if any (used to link a name found elsewhere to a known entity). */
export function lookupName(name: string): GazetteerEntry | undefined {
  index ??= build();
  const toks = tokenize(name).filter((t) => t.word);
  const hit = index.names.get(keyOf(toks.map(caseKey)));
  return hit === undefined || hit.related ? undefined : hit.entry;
}
