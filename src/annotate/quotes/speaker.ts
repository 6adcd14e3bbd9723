import type { Article, SpeakerRef } from "../../core/types.js";
import { articleTokens, genderAt, isSpeechVerb, nameKey, type Token } from "../entities/index.js";
import { NAME_STOPS, PERSON_TITLES, ROLE_COMPLEMENTS } from "../entities/lexicon.js";

/**
 * Who said it. Walking the text in order, every speech verb either names its speaker right after it (قال كارتر،
 * قال الناطق باسم البنتاغون بيتر كوك، وأوضح وزير الدفاع الأمريكي أن… — a role resolved to the person this article
 * gave that role) or has none of its own and carries the last speaker on (وأضاف، وتابع، مضيفا، قائلا). A feminine
 * verb (قالت، أضافت) carries the last woman who spoke. A quotation belongs to the nearest speech verb before it
 * in its paragraph.
 */

interface Person {
  id: string;
  name: string;
  gender: "f" | "m" | undefined;
}

export interface SpeakerIndex {
  tokens: readonly Token[];
  /** Token index → the person whose mention starts there, and the mention's end token. */
  personAt: Map<number, { person: Person; to: number }>;
  /** Role phrase key (وزير الدفاع الاميركي, and its shorter heads) → person ids that carry it. */
  roles: Map<string, Set<string>>;
  people: Map<string, Person>;
}

function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isRoleWord(t: Token | undefined): boolean {
  if (t === undefined || !t.word) return false;
  return (
    PERSON_TITLES.has(t.norm) ||
    PERSON_TITLES.has(t.norm.replace(/^[وفل]/u, "")) ||
    ROLE_COMPLEMENTS.has(t.norm) ||
    /^ال.{2,}(ي|يه)$/u.test(t.norm)
  );
}

/** The role phrase ending right before token `to` (title + complements), as word keys, or []. */
function roleBefore(tokens: readonly Token[], to: number): string[] {
  const words: string[] = [];
  let i = to - 1;
  while (i >= 0 && (isRoleWord(tokens[i]) || tokens[i]!.text === "،" || tokens[i]!.text === ",") && words.length < 6) {
    if (tokens[i]!.word) words.unshift(nameKey(tokens[i]!.norm.replace(/^[ول](?=ال)/u, "")));
    i--;
  }
  return PERSON_TITLES.has(words[0] ?? "") ? words : [];
}

function addRole(roles: Map<string, Set<string>>, words: readonly string[], id: string): void {
  for (let n = words.length; n >= 1; n--) {
    const k = words.slice(0, n).join(" ");
    if (!roles.has(k)) roles.set(k, new Set());
    roles.get(k)!.add(id);
  }
}

export function speakerIndex(article: Article): SpeakerIndex {
  const tokens = articleTokens(article);
  const personAt = new Map<number, { person: Person; to: number }>();
  const roles = new Map<string, Set<string>>();
  const people = new Map<string, Person>();
  for (const e of article.entities) {
    if (e.type !== "person") continue;
    const p: Person = { id: e.id, name: e.name, gender: undefined };
    people.set(e.id, p);
    for (const m of e.mentions) {
      if (m.block !== undefined) continue;
      const from = tokenIndexAt(tokens, m.start);
      const to = tokenIndexAt(tokens, m.end);
      personAt.set(from, { person: p, to });
      p.gender ??= genderAt(tokens, from);
      const role = roleBefore(tokens, from);
      if (role.length > 0) addRole(roles, role, e.id);
    }
  }
  return { tokens, personAt, roles, people };
}

const NO_SUBJECT = /^(ان|انه|انها|بان|ب|في|من|الي|علي|عن|مع|امام|خلال|بعد|قبل|عقب|ايضا|كذلك|للصحفيين|ل)$/u;

/** The speaker a speech verb at token `v` names right after itself, or undefined when it names none. */
function subjectOf(ix: SpeakerIndex, v: number): Person | undefined {
  let i = v + 1;
  while (ix.tokens[i]?.text === "،" || ix.tokens[i]?.text === ",") i++;
  const direct = ix.personAt.get(i);
  if (direct !== undefined) return direct.person;
  const t = ix.tokens[i];
  if (t === undefined || !t.word || NO_SUBJECT.test(t.norm) || NAME_STOPS.has(t.norm) || !isRoleWord(t))
    return undefined;
  // A role phrase: a name may follow it (الناطق باسم البنتاغون بيتر كوك); else the role names someone already met.
  const words: string[] = [];
  for (let j = i; j < i + 8 && j < ix.tokens.length; j++) {
    const p = ix.personAt.get(j);
    if (p !== undefined) return p.person;
    const tj = ix.tokens[j]!;
    if (tj.word && (NO_SUBJECT.test(tj.norm) || !(isRoleWord(tj) || words.length === 2))) break;
    if (tj.word) words.push(nameKey(tj.norm));
  }
  for (let n = words.length; n >= 1; n--) {
    const ids = ix.roles.get(words.slice(0, n).join(" "));
    if (ids !== undefined && ids.size === 1) return ix.people.get([...ids][0]!);
  }
  return undefined;
}

function feminine(t: Token): boolean {
  return /(ت|ه)$/u.test(t.norm.replace(/^[وف]/u, "")) && !/^[وف]?(تابع|اكد|نفت)$/u.test(t.norm);
}

/** Attributes each quotation (by the offset of its opening mark) to a speaker, walking the text once. */
export function attribute(ix: SpeakerIndex, marks: readonly number[]): Array<SpeakerRef | null> {
  const out: Array<SpeakerRef | null> = [];
  const spoken: Person[] = [];
  let k = 0;
  let current: Person | undefined;
  for (let i = 0; i <= ix.tokens.length; i++) {
    const t = ix.tokens[i];
    while (k < marks.length && (t === undefined || t.start >= marks[k]!)) {
      out.push(current === undefined ? null : { id: current.id, name: current.name });
      k++;
    }
    if (t === undefined) break;
    if (!isSpeechVerb(t)) continue;
    const who = subjectOf(ix, i);
    if (who !== undefined) {
      current = who;
      spoken.push(who);
    } else {
      const fem = feminine(t);
      const last =
        [...spoken].reverse().find((p) => (fem ? p.gender === "f" : p.gender !== "f")) ?? spoken[spoken.length - 1];
      current = last;
    }
  }
  return out;
}
