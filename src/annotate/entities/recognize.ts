import type { EntityType } from "../../core/types.js";
import { loadNerModel, type NerModel } from "./tagger/model.js";
import { LABELS } from "./tagger/perceptron.js";
import type { GazetteerEntry } from "./gazetteer/entry.js";
import { GIVEN_NAMES, NAME_LINKS } from "./gazetteer/index.js";
import {
  isSpeechVerb,
  NAME_STOPS,
  ORG_HEADS,
  PERSON_TITLES,
  PLACE_HEADS,
  ROLE_COMPLEMENTS,
  TIME_WORDS,
} from "./lexicon.js";
import { cleanSpan } from "./descriptors.js";
import { orgPatternSpans } from "./org-pattern.js";
import { findPhrases } from "./phrases.js";
import { hasCliticForm, type Token } from "./text.js";

/**
 * Mentions in one stretch of Arabic text, from three sources, strongest first:
 *   1. gazetteer names (exact, longest match);
 *   2. patterns: a title or role before a name (وزير الدفاع الأميركي آشتون كارتر، الناطق باسم البنتاغون بيتر كوك),
 *      a given name before a family name (ليز جراندي), a place word before a quoted name (قاعدة "اندروز");
 *   3. the statistical tagger (tagger/), for names no list knows;
 *   4. organisation descriptors (org-pattern.ts: وزارة الخارجية، الجيش اللبناني) where nothing above found a name.
 * Overlaps are settled by that order, except that a tagger span which contains a gazetteer name and starts with an
 * organisation or place head word (جامعة القاهرة) keeps its longer reading. Demonyms come back apart, as related words.
 * Tagger and pattern spans are cleaned first (descriptors.ts): formulas and speech words off their edges, an
 * organisation's descriptor without a name dropped.
 */

export interface Candidate {
  /** Token indexes, end exclusive. */
  from: number;
  to: number;
  type: EntityType;
  source: "gazetteer" | "pattern" | "tagger";
  entry?: GazetteerEntry;
  /** Letters of proclitics on the first word that are not part of the name (لداعش: 1). */
  cut?: number;
}

export interface Recognized {
  mentions: Candidate[];
  related: Array<{ from: number; to: number; entry: GazetteerEntry }>;
}

const TYPE_OF: Record<string, EntityType> = { PER: "person", ORG: "organization", LOC: "place" };

function anyForm(t: Token | undefined, set: ReadonlySet<string>): boolean {
  return t !== undefined && t.word && hasCliticForm(t.norm, set);
}

/** Sentences as token ranges: split after . ! ? ؟ and at line breaks. */
export function sentences(text: string, tokens: readonly Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const br = next !== undefined && text.slice(t.end, next.start).includes("\n");
    if (br || (!t.word && /^[.!?؟]$/u.test(t.text))) {
      out.push([from, i + 1]);
      from = i + 1;
    }
  }
  if (from < tokens.length) out.push([from, tokens.length]);
  return out;
}

/** Entity types by label index (LABELS: O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC): label k > 0 is of type (k - 1) >> 1. */
const TYPE_BY_LABEL: readonly EntityType[] = LABELS.slice(1)
  .filter((_, k) => k % 2 === 0)
  .map((l) => TYPE_OF[l.slice(2)]!);

function taggerSpans(text: string, tokens: readonly Token[], model: NerModel): Candidate[] {
  const out: Candidate[] = [];
  for (const [a, b] of sentences(text, tokens)) {
    const labels = model.tagIndexes(tokens.slice(a, b).map((t) => t.norm));
    let open: Candidate | undefined;
    let openType = -1;
    labels.forEach((l, k) => {
      const i = a + k;
      const type = (l - 1) >> 1;
      const inside = l > 0 && l % 2 === 0; // an I- label
      if (open !== undefined && inside && type === openType) {
        open.to = i + 1;
        return;
      }
      if (open !== undefined) out.push(open);
      open = l > 0 ? { from: i, to: i + 1, type: TYPE_BY_LABEL[type]!, source: "tagger" } : undefined;
      openType = l > 0 ? type : -1;
    });
    if (open !== undefined) out.push(open);
  }
  return out
    .filter((c) => tokens.slice(c.from, c.to).some((t) => t.word && !t.latin))
    .map((c) => trimPerson(tokens, c));
}

/** A person's name does not end in a word led by the conjunction و (جون | ونفذت), unless that word is a given name. */
function trimPerson(tokens: readonly Token[], c: Candidate): Candidate {
  const last = tokens[c.to - 1]!;
  if (c.type !== "person" || c.to - c.from < 2 || !/^و.{3,}/u.test(last.norm) || anyForm(last, GIVEN_NAMES)) return c;
  return { ...c, to: c.to - 1 };
}

/** Can this token be part of a person's name? (a word, not a function word, time word, title or speech verb) */
function nameWord(t: Token | undefined): boolean {
  if (t === undefined || !t.word || t.latin || /\p{N}/u.test(t.text)) return false;
  if (NAME_STOPS.has(t.norm) || TIME_WORDS.has(t.norm) || PERSON_TITLES.has(t.norm)) return false;
  if (isSpeechVerb(t) || ROLE_COMPLEMENTS.has(t.norm) || ORG_HEADS.has(t.norm)) return false;
  return !/^ال.{2,}ي(ه)?$/u.test(t.norm) || anyForm(t, GIVEN_NAMES);
}

/** A name part after the first may not be a conjunction-led word (جون | ونفذت), unless it is a given name. */
function laterPart(t: Token | undefined): boolean {
  // Family names may look like nisbas (العلي، الحلبي); demonyms never get here, they are taken as related words.
  const nisba = t !== undefined && t.word && /^ال.{2,}ي$/u.test(t.norm);
  const ok = nisba ? !NAME_STOPS.has(t.norm) && !ROLE_COMPLEMENTS.has(t.norm) : nameWord(t);
  return ok && !common(t) && (!t!.norm.startsWith("و") || anyForm(t, GIVEN_NAMES) || t!.norm.length <= 3);
}

/** A word the tagger's training data saw mostly outside names. */
function common(t: Token | undefined): boolean {
  return t !== undefined && (loadNerModel()?.commonWord(t.norm) ?? false);
}

/**
 * A given name that is not also a function word (علي is على once folded). Only our own list starts a name here: the
 * longer list (gazetteer/more-names.ts) holds many words that are also nouns and adjectives, so it is left to the
 * tagger, which weighs it as one clue among others.
 */
function givenName(t: Token | undefined): boolean {
  return t !== undefined && anyForm(t, GIVEN_NAMES) && !NAME_STOPS.has(t.norm);
}

/** A name starting at `i`: a given name or unknown word, then at most two more name words (three with a link). */
function nameAt(tokens: readonly Token[], i: number, taken: ReadonlySet<number>): number {
  let j = i;
  let parts = 0;
  while (
    j < tokens.length &&
    parts < 3 &&
    (parts === 0 ? nameWord(tokens[j]) : laterPart(tokens[j])) &&
    !taken.has(j)
  ) {
    const linked = anyForm(tokens[j], NAME_LINKS) && nameWord(tokens[j + 1]);
    j += linked ? 2 : 1;
    parts++;
    // A second part that is not a given name ends a two-part name (باراك أوباما | دول).
    if (parts === 2 && !anyForm(tokens[j - 1], GIVEN_NAMES)) break;
  }
  return j;
}

/** After a title, a name our patterns take on must start with a given name (the tagger finds the others). */
function nameAfterTitle(tokens: readonly Token[], j: number, taken: ReadonlySet<number>): number {
  return givenName(tokens[j]) ? nameAt(tokens, j, taken) : j;
}

/** Patterns: title/role phrase + name; given name + family name; place word + quoted name. */
function patternSpans(tokens: readonly Token[], taken: ReadonlySet<number>): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (anyForm(t, PERSON_TITLES)) {
      let j = i + 1;
      // Skip the role's complements: ministries, demonyms, باسم + a name, ل + an organisation, commas.
      while (j < tokens.length && (taken.has(j) || ROLE_COMPLEMENTS.has(tokens[j]!.norm) || isComplement(tokens[j]!)))
        j++;
      const end = nameAfterTitle(tokens, j, taken);
      if (end > j) out.push({ from: j, to: end, type: "person", source: "pattern" });
      continue;
    }
    if (givenName(t) && !taken.has(i)) {
      const end = nameAt(tokens, i, taken);
      if (end > i + 1) out.push({ from: i, to: end, type: "person", source: "pattern" });
      // An epithet before a lone given name is part of the name: الجهادي جون.
      else if (/^ال.{3,}ي$/u.test(tokens[i - 1]?.norm ?? "") && !taken.has(i - 1))
        out.push({ from: i - 1, to: i + 1, type: "person", source: "pattern" });
      continue;
    }
    if (anyForm(t, PLACE_HEADS) && tokens[i + 1]?.text === '"' && tokens[i + 2]?.word && tokens[i + 3]?.text === '"') {
      const tail = tokens[i + 4]?.norm === "الجويه" || tokens[i + 4]?.norm === "البحريه" ? 1 : 0;
      out.push({ from: i, to: i + 4 + tail, type: "place", source: "pattern" });
    }
  }
  return out;
}

function isComplement(t: Token): boolean {
  if (t.text === "،" || t.text === ",") return true;
  return t.word && /^(ال|لل).{2,}(ي|يه)$/u.test(t.norm) && !anyForm(t, GIVEN_NAMES);
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.from < b.to && b.from < a.to;
}

/** Recognises mentions in `tokens` (all of one text: an article's clean text, or one caption). */
export function recognize(text: string, tokens: readonly Token[]): Recognized {
  const related: Recognized["related"] = [];
  const gaz: Candidate[] = [];
  for (const h of findPhrases(tokens)) {
    if (h.related) related.push({ from: h.from, to: h.to, entry: h.entry });
    else gaz.push({ from: h.from, to: h.to, type: h.entry.type, source: "gazetteer", entry: h.entry, cut: h.cut });
  }
  const taken = new Set<number>();
  for (const c of [...gaz, ...related]) for (let k = c.from; k < c.to; k++) taken.add(k);
  const model = loadNerModel();
  const isCommon = (w: string) => model?.commonWord(w) ?? false;
  const clean = (cs: Candidate[]) => cs.map((c) => cleanSpan(tokens, c, isCommon)).filter((c) => c !== null);
  const tagged = model === null ? [] : clean(taggerSpans(text, tokens, model));
  const chosen: Candidate[] = [];
  const accept = (c: Candidate) => {
    if (chosen.some((x) => overlaps(x, c))) return;
    chosen.push(c);
  };
  // A longer name the tagger found around a gazetteer name wins (جامعة القاهرة، أحمد أبو غزة، وزارة الصحة الفلسطينية).
  for (const c of tagged) {
    const inner = [...gaz, ...related].filter((g) => g.from >= c.from && g.to <= c.to);
    if (inner.length > 0 && inner.every((g) => g.to - g.from < c.to - c.from)) accept(c);
  }
  gaz.forEach(accept);
  // The tagger knows name boundaries better than our patterns (long نسب chains, names after a name); patterns fill
  // the gaps it leaves.
  const patterns = clean(patternSpans(tokens, taken));
  // An epithet our patterns put before a name the tagger found joins it (الجهادي + جون).
  for (const p of patterns) {
    const inner = tagged.findIndex((c) => c.type === "person" && c.to === p.to && c.from > p.from);
    if (inner >= 0 && /^ال.{3,}ي$/u.test(tokens[p.from]!.norm)) tagged.splice(inner, 1, p);
  }
  // A demonym alone is a related word, unless the tagger reads it as an organisation (an agency credit: الفرنسية).
  for (const c of tagged)
    if (c.type === "organization" || !related.some((r) => r.from < c.to && c.from < r.to)) accept(c);
  patterns.forEach(accept);
  const inGaz = new Set<number>();
  for (const g of gaz) for (let k = g.from; k < g.to; k++) inGaz.add(k);
  const demonyms = new Set<number>();
  for (const r of related) for (let k = r.from; k < r.to; k++) demonyms.add(k);
  // A descriptor around a shorter name wins, as the tagger's does (جامعة القاهرة over القاهرة), but for a known
  // organisation's.
  for (const p of clean(
    orgPatternSpans(
      tokens,
      (i) => inGaz.has(i),
      (i) => demonyms.has(i),
    ),
  )) {
    const hit = chosen.filter((x) => overlaps(x, p));
    if (!hit.every((x) => x.from >= p.from && x.to <= p.to && x.to - x.from < p.to - p.from)) continue;
    // A descriptor before a known organisation describes it (وكالة رويترز is Reuters): the known name stands.
    if (hit.some((x) => x.entry !== undefined && x.type === "organization")) continue;
    for (const x of hit) chosen.splice(chosen.indexOf(x), 1);
    chosen.push(p);
  }
  chosen.sort((a, b) => a.from - b.from);
  return { mentions: chosen, related: related.filter((r) => !chosen.some((c) => overlaps(c, r as Candidate))) };
}
