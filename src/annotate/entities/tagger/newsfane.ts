import { readFileSync } from "node:fs";

/**
 * NewsFANE (../shared/corpus/ner/newsfane): `token<TAB>tag` lines, BIO over ~50 fine types, a blank line between
 * sentences. We map the fine types to ours; types outside person/organisation/place (books, vehicles, groups such
 * as العرب) become O.
 */

const PER = "Politician Athlete Artist Other_PER Religious_PER Scientist Businessperson Lawyer Engineer Police";
const ORG =
  "Government Non-Governmental Commercial Educational Media Religious_ORG Sports Medical-Science Entertainment";
const LOC =
  "Nation Population-Center State-or-Province County-or-District GPE-Cluster Continent Water-Body " +
  "Land-Region-Natural Building-Grounds Airport Path Celestial";

const COARSE = new Map<string, string>();
for (const t of PER.split(" ")) COARSE.set(t, "PER");
for (const t of ORG.split(" ")) COARSE.set(t, "ORG");
for (const t of LOC.split(" ")) COARSE.set(t, "LOC");

export interface Sentence {
  words: string[];
  tags: string[];
}

/** A fine tag (`B-Politician`) as ours (`B-PER`), or `O`. */
export function coarseTag(tag: string): string {
  if (tag.length < 3 || tag[1] !== "-") return "O";
  const c = COARSE.get(tag.slice(2));
  return c === undefined ? "O" : `${tag[0]}-${c}`;
}

export function readNewsfane(path: string): Sentence[] {
  const out: Sentence[] = [];
  let cur: Sentence = { words: [], tags: [] };
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.trim() === "") {
      if (cur.words.length > 0) out.push(cur);
      cur = { words: [], tags: [] };
      continue;
    }
    const [w, t] = line.split("\t");
    cur.words.push(w ?? "");
    cur.tags.push(coarseTag(t ?? "O"));
  }
  if (cur.words.length > 0) out.push(cur);
  return out.map(fixBio);
}

/** An I- tag with no B- before it (left by mapping away a type) starts its entity. */
function fixBio(s: Sentence): Sentence {
  const tags = s.tags.map((t, i) =>
    t.startsWith("I-") && s.tags[i - 1]?.slice(2) !== t.slice(2) ? `B-${t.slice(2)}` : t,
  );
  return { words: s.words, tags };
}

/**
 * The conjunction و stands alone in NewsFANE but is written joined in news text (والعراق): the training copy joins
 * every other one to the next word, so the tagger sees both spellings.
 */
export function joinConjunctions(s: Sentence, every = 2): Sentence {
  const words: string[] = [];
  const tags: string[] = [];
  let n = 0;
  for (let i = 0; i < s.words.length; i++) {
    const next = s.words[i + 1];
    if (s.words[i] === "و" && s.tags[i] === "O" && next !== undefined && /^\p{L}/u.test(next) && n++ % every === 0) {
      words.push(`و${next}`);
      tags.push(s.tags[i + 1] ?? "O");
      i++;
      continue;
    }
    words.push(s.words[i]!);
    tags.push(s.tags[i]!);
  }
  return { words, tags };
}

/** Entity spans `type:start:end` of a BIO sequence, for scoring. */
export function spans(tags: readonly string[]): Set<string> {
  const out = new Set<string>();
  let start = -1;
  let type = "";
  const close = (end: number) => {
    if (start >= 0) out.add(`${type}:${start}:${end}`);
    start = -1;
  };
  tags.forEach((t, i) => {
    if (t === "O" || t.startsWith("B-") || t.slice(2) !== type) close(i);
    if (t.startsWith("B-") || (t.startsWith("I-") && start < 0)) {
      start = i;
      type = t.slice(2);
    }
  });
  close(tags.length);
  return out;
}

/** Consecutive sentences taken as one document for the split (NewsFANE marks no document boundaries). */
export const SPLIT_BLOCK = 50;
/** Every SPLIT_EVERY-th block, counting from SPLIT_OFFSET, is in the checking part (a fifth of the corpus). */
const SPLIT_EVERY = 5;
const SPLIT_OFFSET = 2;

/**
 * The fixed split of NewsFANE into a tuning part and a checking part, by document. The corpus has no document
 * markers, but a story's sentences come together: blocks of SPLIT_BLOCK consecutive sentences stand for documents,
 * so a name repeated through one story is never on both sides (only a story cut by a block edge is). Rules and
 * features are written from errors on the tuning part only; the checking part is scored, never read.
 */
export function splitNewsfane(all: readonly Sentence[]): { tuning: Sentence[]; checking: Sentence[] } {
  const tuning: Sentence[] = [];
  const checking: Sentence[] = [];
  all.forEach((s, i) => (Math.floor(i / SPLIT_BLOCK) % SPLIT_EVERY === SPLIT_OFFSET ? checking : tuning).push(s));
  return { tuning, checking };
}
