import { foreignGivenName } from "../gazetteer/foreign-names.js";
import { MORE_GIVEN_NAMES } from "../gazetteer/more-names.js";
import { FEMALE_NAMES, GIVEN_NAMES } from "../gazetteer/names.js";
import {
  NAME_STOPS,
  ORG_HEADS,
  PERSON_TITLES,
  PLACE_HEADS,
  ROLE_COMPLEMENTS,
  SPEECH_VERBS,
  TIME_WORDS,
} from "../lexicon.js";
import { bareForm, cliticForms } from "../text.js";
import { hashValue, type ValueHash } from "../../../core/value-hash.js";
import { key1, key2, key2ab, key3 } from "./hash.js";
import { LABELS } from "./perceptron.js";

/**
 * The tagger's view of one token: its folded form, its bare form (proclitics and article off), affixes, shape, and
 * which of our word lists it falls in; the same for its neighbours. Tags of the previous tokens are added by the
 * decoder. Features are numeric keys (hash.ts): the model maps a key to one weight per label.
 */

export interface FeatureContext {
  /** Single-word names the gazetteers know (folded), with their type initial: P place, O organisation. */
  gazetteer: ReadonlyMap<string, string>;
}

const LATIN = /\p{Script=Latin}/u;
const DIGIT = /\p{N}/u;
const LETTER = /\p{L}/u;

function shape(w: string): string {
  if (LATIN.test(w)) return /^\p{Lu}/u.test(w) ? "Lu" : "L";
  if (DIGIT.test(w)) return "D";
  if (!LETTER.test(w)) return "P";
  return "A";
}

/** The lists a folded word (or its form without proclitics) belongs to, as a short code. */
export function lexClass(w: string, ctx: FeatureContext): string {
  let c = "";
  for (const { form } of cliticForms(w)) {
    if (GIVEN_NAMES.has(form)) c += FEMALE_NAMES.has(form) ? "F" : "G";
    else if (MORE_GIVEN_NAMES.has(form) && !ctx.gazetteer.has(form)) c += "g";
    if (PERSON_TITLES.has(form)) c += "T";
    if (ROLE_COMPLEMENTS.has(form)) c += "R";
    if (ORG_HEADS.has(form)) c += "O";
    if (PLACE_HEADS.has(form)) c += "H";
    const g = ctx.gazetteer.get(form);
    if (g !== undefined) c += g;
    if (c !== "") break;
  }
  if (NAME_STOPS.has(w)) c += "S";
  if (SPEECH_VERBS.has(bareForm(w)) || SPEECH_VERBS.has(w)) c += "V";
  if (TIME_WORDS.has(w)) c += "D";
  if (c === "" && /^ال.{2,}ي(ه|ين|ون)?$/u.test(w)) c = "N"; // nisba: الأميركي، العراقية، السوريين
  // The consonants of a foreign given name (داستين، ساندرا): a script cue for names no list spells.
  if (c === "" && w.length >= 4 && foreignGivenName(w)) c = "x";
  return c || "-";
}

/**
 * Precomputed per-token parts, so each word's parts are made once: its folded form, bare form, list class and
 * shape, and the hashes of each (feature keys are built from the hashes, see hash.ts).
 */
export interface TokenView {
  w: string;
  s: string;
  lx: string;
  sh: string;
  hw: ValueHash;
  hs: ValueHash;
  hlx: ValueHash;
  hsh: ValueHash;
}

function makeView(w: string, s: string, lx: string, sh: string): TokenView {
  return { w, s, lx, sh, hw: hashValue(w), hs: hashValue(s), hlx: hashValue(lx), hsh: hashValue(sh) };
}

/** The view of one folded word. */
export function view(w: string, ctx: FeatureContext): TokenView {
  return makeView(w, bareForm(w), lexClass(w, ctx), shape(w));
}

export function views(words: readonly string[], ctx: FeatureContext): TokenView[] {
  return words.map((w) => view(w, ctx));
}

/** What stands before the first and after the last token. */
export const PAD: TokenView = makeView("<s>", "<s>", "<s>", "<s>");

const h = hashValue;
/** The templates' own hashes, one named property each (a fixed-shape object reads fast). */
const T = {
  b: h("b"),
  w: h("w"),
  s: h("s"),
  p3: h("p3"),
  x3: h("x3"),
  x2: h("x2"),
  xs3: h("xs3"),
  sh: h("sh"),
  al: h("al"),
  len: h("len"),
  lx: h("lx"),
  w_1: h("w-1"),
  s_1: h("s-1"),
  lx_1: h("lx-1"),
  w1: h("w+1"),
  s1: h("s+1"),
  lx1: h("lx+1"),
  w_2: h("w-2"),
  lx_2: h("lx-2"),
  w2: h("w+2"),
  lx2: h("lx+2"),
  w_1w: h("w-1w"),
  ww1: h("ww+1"),
  lx_1lx: h("lx-1lx"),
  lxlx1: h("lxlx+1"),
  sh_1sh: h("sh-1sh"),
  t_1: h("t-1"),
  t_2t_1: h("t-2t-1"),
  t_1s: h("t-1s"),
  t_1lx: h("t-1lx"),
};
const NONE = hashValue("");
const AL = [0, 1, 2].map((x) => hashValue(String(x)));
const LEN = Array.from({ length: 9 }, (_, x) => hashValue(String(x)));

/** The features of a token that look at the token alone (its word, affixes, shape, lists). */
export function selfKeys(c: TokenView): number[] {
  const w = c.w;
  const al = w.startsWith("ال") ? 1 : w.startsWith("وال") || w.startsWith("بال") || w.startsWith("لل") ? 2 : 0;
  return [
    key1(T.b, NONE),
    key1(T.w, c.hw),
    key1(T.s, c.hs),
    key1(T.p3, hashValue(w.slice(0, 3))),
    key1(T.x3, hashValue(w.slice(-3))),
    key1(T.x2, hashValue(w.slice(-2))),
    key1(T.xs3, hashValue(c.s.slice(-3))),
    key1(T.sh, c.hsh),
    key1(T.al, AL[al]!),
    key1(T.len, LEN[Math.min(w.length, 8)]!),
    key1(T.lx, c.hlx),
  ];
}

/** Where a neighbour stands from the token whose features it gives: one before, one after, two before, two after. */
export const ROLES = ["-1", "+1", "-2", "+2"] as const;

/** The features a token gets from one neighbour alone. */
export function neighbourKeys(n: TokenView, role: number): number[] {
  switch (role) {
    case 0:
      return [key1(T.w_1, n.hw), key1(T.s_1, n.hs), key1(T.lx_1, n.hlx)];
    case 1:
      return [key1(T.w1, n.hw), key1(T.s1, n.hs), key1(T.lx1, n.hlx)];
    case 2:
      return [key1(T.w_2, n.hw), key1(T.lx_2, n.hlx)];
    default:
      return [key1(T.w2, n.hw), key1(T.lx2, n.hlx)];
  }
}

/** The number of pair features, which `pairKeysInto` writes. */
export const PAIRS = 5;

/** The features that join a token with its neighbours, written into `out` (tagging makes no array per token). */
export function pairKeysInto(p1: TokenView, c: TokenView, n1: TokenView, out: Float64Array): void {
  out[0] = key2(T.w_1w, p1.hw, c.hw);
  out[1] = key2(T.ww1, c.hw, n1.hw);
  out[2] = key2(T.lx_1lx, p1.hlx, c.hlx);
  out[3] = key2(T.lxlx1, c.hlx, n1.hlx);
  out[4] = key3(T.sh_1sh, p1.hsh, c.hsh, n1.hsh);
}

/** The first two of `pairKeysInto`'s features (w-1w, ww+1), the ones over words rather than classes or shapes. */
export function wordPairKeysInto(p1: TokenView, c: TokenView, n1: TokenView, out: Float64Array): void {
  out[0] = key2(T.w_1w, p1.hw, c.hw);
  out[1] = key2(T.ww1, c.hw, n1.hw);
}

/**
 * `wordPairKeysInto` from the words' hashes as the tagger keeps them per word (hw.a and hw.b of the word before, the
 * token and the word after), with no view at hand.
 */
export function wordPairKeysOf(
  p1a: number,
  p1b: number,
  ca: number,
  cb: number,
  n1a: number,
  n1b: number,
  out: Float64Array,
): void {
  out[0] = key2ab(T.w_1w, p1a, p1b, ca, cb);
  out[1] = key2ab(T.ww1, ca, cb, n1a, n1b);
}

/** The sh-1sh feature of three shapes' hashes (`pairKeysInto`'s last). */
export function shapeTripleKey(p1: ValueHash, c: ValueHash, n1: ValueHash): number {
  return key3(T.sh_1sh, p1, c, n1);
}

export function pairKeys(p1: TokenView, c: TokenView, n1: TokenView): number[] {
  const out = new Float64Array(PAIRS);
  pairKeysInto(p1, c, n1, out);
  return Array.from(out);
}

/** The features of token `i` that do not depend on predicted tags. */
export function tokenKeys(v: readonly TokenView[], i: number): number[] {
  const c = v[i] ?? PAD;
  const p1 = v[i - 1] ?? PAD;
  const n1 = v[i + 1] ?? PAD;
  return [
    ...selfKeys(c),
    ...neighbourKeys(p1, 0),
    ...neighbourKeys(n1, 1),
    ...neighbourKeys(v[i - 2] ?? PAD, 2),
    ...neighbourKeys(v[i + 2] ?? PAD, 3),
    ...pairKeys(p1, c, n1),
  ];
}

/** The tag before a sentence, after the label indexes 0…LABELS.length - 1. */
export const START = LABELS.length;
const TAG = [...LABELS, "<s>"].map((l) => hashValue(l));

/** Features that look at the tags already chosen to the left (label indexes, START before the sentence). */
export function tagKeys(prev1: number, prev2: number, c: TokenView): number[] {
  return [...tagOnlyKeys(prev1, prev2), ...tagTokenKeys(prev1, c)];
}

/** The features of the tags alone (t-1, t-2t-1), which the model sums once per pair of tags. */
export function tagOnlyKeys(prev1: number, prev2: number): number[] {
  const p1 = TAG[prev1]!;
  return [key1(T.t_1, p1), key2(T.t_2t_1, TAG[prev2]!, p1)];
}

/** The features of the previous tag with the token (t-1s, t-1lx), written into `out`. */
export function tagTokenKeysInto(prev1: number, c: TokenView, out: Float64Array): void {
  const p1 = TAG[prev1]!;
  out[0] = key2(T.t_1s, p1, c.hs);
  out[1] = key2(T.t_1lx, p1, c.hlx);
}

/** The t-1s feature (`tagTokenKeysInto`'s first) from the token's bare form's hashes (hs.a, hs.b). */
export function tagWordKey(prev1: number, hsa: number, hsb: number): number {
  const p1 = TAG[prev1]!;
  return key2ab(T.t_1s, p1.a, p1.b, hsa, hsb);
}

export function tagTokenKeys(prev1: number, c: TokenView): number[] {
  const out = new Float64Array(2);
  tagTokenKeysInto(prev1, c, out);
  return Array.from(out);
}

/** The key of a word's own word feature (`w=…`), to ask the model how the word was tagged in training. */
export function wordKey(w: string): number {
  return key1(T.w, hashValue(w));
}
