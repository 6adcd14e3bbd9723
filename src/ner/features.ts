import { FEMALE_NAMES, GIVEN_NAMES } from "../annotate/entities/gazetteer/names.js";
import {
  NAME_STOPS,
  ORG_HEADS,
  PERSON_TITLES,
  PLACE_HEADS,
  ROLE_COMPLEMENTS,
  SPEECH_VERBS,
  TIME_WORDS,
} from "../annotate/entities/lexicon.js";
import { bareForm, cliticForms } from "../annotate/entities/text.js";

/**
 * The tagger's view of one token: its folded form, its bare form (proclitics and article off), affixes, shape, and
 * which of our word lists it falls in; the same for its neighbours. Tags of the previous tokens are added by the
 * decoder. Features are plain strings: the model is a map from feature to one weight per label.
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
  return c || "-";
}

/** Precomputed per-token parts, so each token's parts are made once per sentence. */
export interface TokenView {
  w: string;
  s: string;
  lx: string;
  sh: string;
}

export function views(words: readonly string[], ctx: FeatureContext): TokenView[] {
  return words.map((w) => ({ w, s: bareForm(w), lx: lexClass(w, ctx), sh: shape(w) }));
}

const PAD: TokenView = { w: "<s>", s: "<s>", lx: "<s>", sh: "<s>" };

/** The features of token `i` that do not depend on predicted tags. */
export function tokenFeatures(v: readonly TokenView[], i: number): string[] {
  const c = v[i] ?? PAD;
  const p1 = v[i - 1] ?? PAD;
  const p2 = v[i - 2] ?? PAD;
  const n1 = v[i + 1] ?? PAD;
  const n2 = v[i + 2] ?? PAD;
  const w = c.w;
  return [
    "b",
    `w=${w}`,
    `s=${c.s}`,
    `p3=${w.slice(0, 3)}`,
    `x3=${w.slice(-3)}`,
    `x2=${w.slice(-2)}`,
    `xs3=${c.s.slice(-3)}`,
    `sh=${c.sh}`,
    `al=${w.startsWith("ال") ? 1 : w.startsWith("وال") || w.startsWith("بال") || w.startsWith("لل") ? 2 : 0}`,
    `len=${Math.min(w.length, 8)}`,
    `lx=${c.lx}`,
    `w-1=${p1.w}`,
    `s-1=${p1.s}`,
    `lx-1=${p1.lx}`,
    `w+1=${n1.w}`,
    `s+1=${n1.s}`,
    `lx+1=${n1.lx}`,
    `w-2=${p2.w}`,
    `lx-2=${p2.lx}`,
    `w+2=${n2.w}`,
    `lx+2=${n2.lx}`,
    `w-1w=${p1.w}|${w}`,
    `ww+1=${w}|${n1.w}`,
    `lx-1lx=${p1.lx}|${c.lx}`,
    `lxlx+1=${c.lx}|${n1.lx}`,
    `sh-1sh=${p1.sh}|${c.sh}|${n1.sh}`,
  ];
}
