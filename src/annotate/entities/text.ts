import { normalizer, STRENGTHS, type NormalizeOptions } from "../../analysis/ar/normalize.js";
import type { Article } from "../../core/types.js";

/**
 * Words with offsets, and the keys names are matched by. Offsets are into the source string; keys are computed per
 * token after tokenising (normalisation changes lengths, so it never runs on the whole text first).
 */

export interface Token {
  /** The surface, as written. */
  text: string;
  start: number;
  end: number;
  /** The name fold (`NAME_FOLDS`: search strength plus hamza seats): what lexicons are matched against. */
  norm: string;
  /** True for a run of letters/marks/digits; false for one punctuation or symbol character. */
  word: boolean;
  /** Latin script. */
  latin: boolean;
}

/**
 * The fold lexicons of names are written against: the normaliser's `search` strength with hamza seats folded too
 * (مسؤول = مسئول), and without `elongation`, because a name keeps a tripled letter a reader typed on purpose
 * rarely enough that collapsing it would only merge distinct transliterations.
 */
export const NAME_FOLDS: Readonly<NormalizeOptions> = { ...STRENGTHS.search, hamzaSeats: true, elongation: false };
const nameFold = normalizer(NAME_FOLDS);
const identityFold = normalizer("identity");

// A word is a run of letters, marks and digits; Latin words may keep inner dots and apostrophes (U.S., O'Neil).
// The first group matches words (which always hold a letter, mark or digit), the second one other character.
const TOKEN = /([\p{L}\p{M}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*\.?)|[^\s\p{L}\p{M}\p{N}]/gu;
const LATIN = /\p{Script=Latin}/u;

/**
 * Whether `s` holds a Latin letter. Most tokens are Arabic words, digits or punctuation, which hold none: code units
 * below "A" or in the Arabic block answer without the regular expression.
 */
function latin(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && (c < 0x0600 || c > 0x06ff)) return LATIN.test(s);
  }
  return false;
}

/** Tokens of `text` with UTF-16 offsets; `text.slice(t.start, t.end) === t.text` always holds. */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let s = m[0];
    // A trailing dot belongs to the word only for abbreviations such as "U.S." (a dot inside the word too).
    if (s.length > 1 && s.endsWith(".") && !s.slice(0, -1).includes(".")) s = s.slice(0, -1);
    const start = base + (m.index ?? 0);
    const word = m[1] !== undefined;
    out.push({ text: s, start, end: start + s.length, norm: word ? nameFold(s) : s, word, latin: latin(s) });
    if (s.length < m[0].length) {
      const ds = start + s.length;
      out.push({ text: ".", start: ds, end: ds + 1, norm: ".", word: false, latin: false });
    }
  }
  return out;
}

/** The fold lexicons are written against (see Token.norm). */
export function fold(s: string): string {
  return nameFold(s);
}

/**
 * The identity key of a name: identity-strength normalisation, punctuation (quotes, dots) dropped, spaces collapsed.
 * Two spellings with one key are one name (آشتون كارتر = اشتون كارتر, قاعدة "اندروز" الجوية = قاعدة أندروز الجوية).
 */
export function nameKey(s: string): string {
  const folded = identityFold(s);
  // Most keys are of one word, all letters: nothing for the replacements below to do.
  if (!NOT_WORD.test(folded)) return folded;
  return folded
    .replace(/[^\p{L}\p{M}\p{N}\s]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

const NOT_WORD = /[^\p{L}\p{M}\p{N}]/u;

/**
 * The tokens of an article's clean text, made once for the stages that read them (entities, then quotes' speakers):
 * kept with the article until its text changes. Shared, so read-only.
 */
export function articleTokens(article: Article): readonly Token[] {
  const kept = byArticle.get(article);
  if (kept !== undefined && kept.text === article.text) return kept.tokens;
  const tokens = tokenize(article.text);
  byArticle.set(article, { text: article.text, tokens });
  return tokens;
}

const byArticle = new WeakMap<Article, { text: string; tokens: readonly Token[] }>();

/** Keeps `tokens` as `articleTokens(article)`: they must be `tokenize(article.text)`, made elsewhere (a stage thread). */
export function keepArticleTokens(article: Article, tokens: readonly Token[]): void {
  byArticle.set(article, { text: article.text, tokens });
}

/**
 * A looser key for transliterated foreign names: the identity key with the letters that spell one foreign sound
 * folded (غ/ج/ق for g, ك for k stays) and long vowels inside a word dropped (ستولتنبرغ = ستولتنبرج, جراندي =
 * غراندي, فالون = فالن). Only used with guards (long enough, one candidate), never as an identity.
 */
export function skeletonKey(s: string): string {
  return nameKey(s)
    .split(" ")
    .map((w) => {
      const core = w.startsWith("ال") && w.length > 4 ? w.slice(2) : w;
      const g = core.replace(/[غجق]/gu, "ج").replace(/[تط]/gu, "ت").replace(/[سص]/gu, "س");
      return g.charAt(0) + g.slice(1).replace(/[اوي]/gu, "");
    })
    .join(" ");
}

// Proclitics: و and ف (first), then ب، ل and ك.
const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const LAM = 0x0644;
const KAF = 0x0643;

/** The two kinds of proclitics, by code unit: these questions are asked of most words of a text. */
function proclitic1(c: number): boolean {
  return c === WAW || c === FEH;
}

function proclitic2(c: number): boolean {
  return c === BEH || c === LAM || c === KAF;
}

/**
 * The forms a folded word may be once its proclitics are taken off, with how many characters were taken:
 * والعراق → العراق (1), بواشنطن → واشنطن (2), للأسد → الاسد (the ل of ال was swallowed: لل → ال), وكاتر → كاتر.
 * The word itself comes first.
 */
export function cliticForms(w: string): Array<{ form: string; cut: number }> {
  const out: Array<{ form: string; cut: number }> = [{ form: w, cut: 0 }];
  // At most three forms, each distinct from those before it (no closure: this runs for most words of a text).
  let rest = w;
  let cut = 0;
  if (rest.length > 3 && proclitic1(rest.charCodeAt(0))) {
    rest = rest.slice(1);
    cut = 1;
    addForm(out, rest, cut);
  }
  if (rest.length > 3 && rest.startsWith("لل")) addForm(out, "ال" + rest.slice(2), cut + 1);
  if (rest.length > 3 && proclitic2(rest.charCodeAt(0))) addForm(out, rest.slice(1), cut + 1);
  return out;
}

function addForm(out: Array<{ form: string; cut: number }>, form: string, cut: number): void {
  if (form.length < 2) return;
  for (const o of out) if (o.form === form) return;
  out.push({ form, cut });
}

/**
 * Whether `set` holds any of `cliticForms(w)`'s forms, without making them: the question most words of a text are
 * asked against a lexicon, and most answer no.
 */
export function hasCliticForm(w: string, set: { has(form: string): boolean }): boolean {
  if (set.has(w)) return true;
  if (w.length <= 3) return false;
  let rest = w;
  if (proclitic1(w.charCodeAt(0))) {
    rest = w.slice(1);
    if (set.has(rest)) return true;
    if (rest.length <= 3) return false;
  }
  const c = rest.charCodeAt(0);
  if (c === LAM && rest.charCodeAt(1) === LAM && set.has("ال" + rest.slice(2))) return true;
  return proclitic2(c) && set.has(rest.slice(1));
}

/** The word without its proclitics and article, for features and short-name matching: والعراق → عراق. */
export function bareForm(w: string): string {
  const forms = cliticForms(w);
  const last = forms[forms.length - 1]?.form ?? w;
  return last.startsWith("ال") && last.length > 4 ? last.slice(2) : last;
}
