import type { EntityType, Mention } from "../../core/types.js";
import { sameName } from "./english.js";
import type { GazetteerEntry } from "./gazetteer/entry.js";
import { NAME_LINKS } from "./gazetteer/index.js";
import { genderAt } from "./gender.js";
import { NAME_STOPS, ORG_HEADS, PERSON_TITLES, PLACE_HEADS, ROLE_COMPLEMENTS } from "./lexicon.js";
import { EntityRegistry } from "./registry.js";
import type { Candidate } from "./recognize.js";
import { surfaceCut } from "./aliases.js";
import { cliticForms, fold, nameKey, type Token } from "./text.js";

/**
 * Linking an article's candidates to registry ids, in the order that lets short forms lean on full names:
 *   1. gazetteer names → their entry's id; full person names → the registry (exact, then transliteration);
 *      other names → the registry by exact key, else a new entity;
 *   2. a name in brackets right after another of the same type names the same thing: وزارة الدفاع (بنتاغون);
 *   3. one-word person names → a full name of this article with that word (unique), else of the registry (unique),
 *      else their own entity — an ambiguous short form stays apart rather than merge to the first candidate;
 *   4. English caption names → the Arabic full name they transliterate (Ash Carter → آشتون كارتر);
 *   5. (linkShortForms) untagged words equal to a part of this article's full names (كارتر، الأسد), and one-letter
 *      typos of a family name (كاتر → كارتر).
 */

export interface Segment {
  text: string;
  tokens: readonly Token[];
  english: boolean;
  /** Index into `article.blocks` for a caption; undefined for the clean text. */
  block?: number;
  candidates: Candidate[];
  related: Array<{ from: number; to: number; entry: GazetteerEntry }>;
}

export interface Link {
  id: string;
  seg: Segment;
  from: number;
  to: number;
  mention: Mention;
}

/** The mention of tokens from..to, starting after `cut` letters of proclitics on the first (وكاتر → كاتر). */
function mention(s: Segment, from: number, to: number, cut = 0): Mention {
  const first = s.tokens[from]!;
  const start = first.start + (cut > 0 ? surfaceCut(first.text, cut) : 0);
  const end = s.tokens[to - 1]!.end;
  const m: Mention = { text: s.text.slice(start, end), start, end };
  if (s.block !== undefined) m.block = s.block;
  return m;
}

/**
 * The name a candidate stands for, proclitics off (والأمم المتحدة → الأمم المتحدة, بواشنطن → واشنطن), and how many
 * letters of proclitics its first word carries before the name (0 for للأسد → الأسد: no prefix of it is the name).
 */
function nameOf(s: Segment, c: Candidate, registry: EntityRegistry): { name: string; cut: number } {
  const surface = mention(s, c.from, c.to).text;
  const first = s.tokens[c.from]!;
  const rest = surface.slice(first.text.length);
  for (const f of cliticForms(first.norm)) {
    if (f.cut === 0 || !first.norm.endsWith(f.form)) continue;
    const name = first.text.slice(surfaceCut(first.text, f.cut)) + rest;
    if (registry.findExact(name) !== undefined) return { name, cut: f.cut };
  }
  // A head word with proclitics (وجبهة، لوزارة، بمدينة): the name starts at the head.
  if (c.type !== "person") {
    const head = cliticForms(first.norm).find(
      (f) => f.cut > 0 && first.norm.endsWith(f.form) && (ORG_HEADS.has(f.form) || PLACE_HEADS.has(f.form)),
    );
    if (head !== undefined) return { name: first.text.slice(surfaceCut(first.text, head.cut)) + rest, cut: head.cut };
  }
  const m = /^([وفبلك]{1,2})(ال)/u.exec(first.text);
  if (m !== null && first.text.length > m[1]!.length + 3)
    return { name: first.text.slice(m[1]!.length) + rest, cut: m[1]!.length };
  if (/^لل/u.test(first.text) && first.text.length > 4) return { name: `ال${first.text.slice(2)}${rest}`, cut: 0 };
  return { name: surface, cut: 0 };
}

/** The name of a candidate whose proclitics the recogniser already told apart. */
function cutName(s: Segment, c: Candidate): { name: string; cut: number } {
  const m = mention(s, c.from, c.to, c.cut);
  return { name: m.text, cut: c.cut ?? 0 };
}

function words(s: Segment, c: Pick<Candidate, "from" | "to">): number {
  return s.tokens.slice(c.from, c.to).filter((t) => t.word).length;
}

export function resolveCandidates(segs: readonly Segment[], registry: EntityRegistry): Link[] {
  const links: Link[] = [];
  const add = (s: Segment, c: Pick<Candidate, "from" | "to">, id: string, cut = 0) =>
    links.push({ id, seg: s, from: c.from, to: c.to, mention: mention(s, c.from, c.to, cut) });
  const singles: Array<[Segment, Candidate]> = [];
  for (const s of segs.filter((x) => !x.english)) {
    for (const c of s.candidates) {
      if (c.entry !== undefined) add(s, c, EntityRegistry.idOf(c.entry), c.cut);
      else if (c.type === "person" && words(s, c) < 2) singles.push([s, c]);
      else {
        const { name, cut } = c.cut !== undefined && c.cut > 0 ? cutName(s, c) : nameOf(s, c, registry);
        const id = registry.addEntity(name, c.type);
        if (c.type === "person") {
          const g = genderAt(s.tokens, c.from);
          if (g !== undefined) registry.setGender(id, g);
        }
        add(s, c, id, cut);
      }
    }
    bracketAliases(s, links, registry);
  }
  const parts = articleParts(links, registry);
  for (const [s, c] of singles) {
    const { name, cut } = nameOf(s, c, registry);
    add(s, c, singlePerson(name, parts, registry), cut);
  }
  for (const s of segs.filter((x) => x.english)) {
    for (const c of s.candidates) {
      if (c.entry !== undefined) add(s, c, EntityRegistry.idOf(c.entry));
      else {
        const id = englishPerson(s, c, links, registry);
        if (id !== null) add(s, c, id);
      }
    }
  }
  return links;
}

/** وزارة الدفاع (بنتاغون): the name before the bracket takes the id of the known name inside it. */
function bracketAliases(s: Segment, links: Link[], registry: EntityRegistry): void {
  const mine = links.filter((l) => l.seg === s);
  for (const inner of mine) {
    const open = s.tokens[inner.from - 1];
    if (open?.text !== "(" || s.tokens[inner.to]?.text !== ")") continue;
    const outer = mine.find((l) => l.to === inner.from - 1 && l !== inner);
    const innerType = s.candidates.find((c) => c.from === inner.from)?.type;
    const outerCand = s.candidates.find((c) => c.from === outer?.from);
    if (outer === undefined || outerCand === undefined || outerCand.entry !== undefined || outerCand.type !== innerType)
      continue;
    if (glossesPossessor(outer.mention.text, registry.get(inner.id)?.names ?? new Set())) continue;
    outer.id = inner.id;
  }
}

/**
 * معهد تخريج الشرعيين للدولة (داعش): the bracket glosses the possessor the outer name ends with (ل + a word of the
 * bracketed entity's names), not the outer name, unless some name of the bracketed entity starts with the outer's
 * head word (المفوضية العليا للاجئين (مفوضية اللاجئين) is one thing).
 */
function glossesPossessor(outer: string, innerNames: ReadonlySet<string>): boolean {
  // The search fold, not nameKey: nameKey's identity fold writes لل as ل, which hides the article.
  const words = fold(outer).split(/\s+/u);
  const last = words[words.length - 1] ?? "";
  const possessor = cliticForms(last).filter((f) => f.cut > 0 && /^ل/u.test(last));
  if (words.length < 2 || possessor.length === 0) return false;
  const inner = [...innerNames].map((n) => fold(n).split(/\s+/u));
  const head = cliticForms(words[0]!).map((f) => f.form);
  if (inner.some((n) => head.includes(n[0] ?? ""))) return false;
  return possessor.some((f) => inner.some((n) => n.includes(f.form)));
}

/** Short-form keys (first and last word) of the article's full person names; a key two people share is dropped. */
function articleParts(links: readonly Link[], registry: EntityRegistry): Map<string, string | null> {
  const parts = new Map<string, string | null>();
  for (const l of links) {
    if (registry.get(l.id)?.type !== "person") continue;
    const ws = nameKey(l.mention.text).split(" ");
    if (ws.length < 2) continue;
    for (const w of [ws[0]!, ws[ws.length - 1]!]) {
      if (w.length < 3 || NAME_LINKS.has(w) || (w === ws[0] && /^ال.{3,}ي$/u.test(w))) continue;
      const prev = parts.get(w);
      parts.set(w, prev === undefined || prev === l.id ? l.id : null);
    }
  }
  return parts;
}

function singlePerson(name: string, parts: ReadonlyMap<string, string | null>, registry: EntityRegistry): string {
  const k = nameKey(name);
  const local = parts.get(k) ?? (k.startsWith("ال") ? undefined : parts.get(`ال${k}`));
  if (local) return local;
  if (local === undefined) {
    const known = registry.findPart(name);
    if (known !== undefined && "id" in known) return known.id;
  }
  return registry.addEntity(name, "person");
}

function englishPerson(s: Segment, c: Candidate, links: readonly Link[], registry: EntityRegistry): string | null {
  const en = s.tokens.slice(c.from, c.to).map((t) => t.text);
  const seen = new Set<string>();
  const matches: string[] = [];
  for (const l of links) {
    if (seen.has(l.id) || registry.get(l.id)?.type !== "person") continue;
    const ar = nameKey(l.mention.text).split(" ");
    if (ar.length < 2 || !sameName(en, ar)) continue;
    seen.add(l.id);
    matches.push(l.id);
  }
  const name = en.join(" ");
  if (matches.length === 1) {
    registry.addName(matches[0]!, name);
    return matches[0]!;
  }
  // Known from another article of the run (Obama alone in a caption, Barack Obama linked earlier).
  const known = registry.findExact(name) ?? (en.length === 1 ? registry.findPart(name) : undefined);
  if (known !== undefined && "id" in known) return known.id;
  return en.length >= 2 ? registry.addEntity(name, "person" satisfies EntityType) : null;
}

/** One-letter insertion or deletion (كاتر ~ كارتر), first and last letters kept. */
function oneLetterApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) !== 1 || a[0] !== b[0] || a.at(-1) !== b.at(-1)) return false;
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < l.length; i++) if (l.slice(0, i) + l.slice(i + 1) === s) return true;
  return false;
}

/** The id of the one family name `k` is a one-letter typo of; undefined when none or several are. */
function onlyTypo(k: string, family: ReadonlyArray<[string, string]>): string | undefined {
  let found: string | undefined;
  for (const [w, id] of family) {
    if (!oneLetterApart(k, w)) continue;
    if (found !== undefined) return undefined;
    found = id;
  }
  return found;
}

function plainWord(t: Token): boolean {
  return t.word && !t.latin && !NAME_STOPS.has(t.norm) && !PERSON_TITLES.has(t.norm) && !ROLE_COMPLEMENTS.has(t.norm);
}

/** Step 5: untagged words that are a part (or a one-letter typo of the family name) of this article's people. */
export function linkShortForms(segs: readonly Segment[], registry: EntityRegistry, links: Link[]): void {
  const parts = articleParts(links, registry);
  // Every match below is a key of `parts`, or one letter apart from one of them: none without a full name.
  if (parts.size === 0) return;
  const family = [...parts.entries()].filter(([w, id]) => id !== null && w.length >= 4) as Array<[string, string]>;
  for (const s of segs.filter((x) => !x.english)) {
    const covered = new Set<number>();
    for (const l of links) if (l.seg === s) for (let k = l.from; k < l.to; k++) covered.add(k);
    s.related.forEach((r) => {
      for (let k = r.from; k < r.to; k++) covered.add(k);
    });
    s.tokens.forEach((t, i) => {
      if (covered.has(i) || !plainWord(t)) return;
      for (const f of cliticForms(t.norm)) {
        const k = nameKey(f.form);
        const id = parts.get(k);
        // A key two people share (null) answers nothing, not even a typo.
        const hit = id !== undefined ? id : k.length >= 4 ? onlyTypo(k, family) : undefined;
        if (hit) {
          const cut = t.norm.endsWith(f.form) ? f.cut : 0;
          links.push({ id: hit, seg: s, from: i, to: i + 1, mention: mention(s, i, i + 1, cut) });
          return;
        }
      }
    });
  }
}
