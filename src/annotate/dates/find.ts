/**
 * Temporal expressions in one string, with the cues around them that decide how they are read: `منذ` before a date
 * makes it background; `file photo` in a caption makes its dates old; `آخر تحديث` marks a site's update stamp; a
 * future verb before a bare weekday (يعقده، سيزور، المقرر) points the weekday forward.
 */
import type { TimeExpr } from "./expr.js";
import { scan } from "./scan.js";
import { bases, tokenize, type Token } from "../text/tokens.js";

export interface Cues {
  /** `منذ`/`since` earlier in the clause: the date is when something began. */
  since: boolean;
  /** A caption's `FILE`/`file photo`: the picture, and its date, are old. */
  file: boolean;
  /** `آخر تحديث`/`updated`: a page's update stamp, not its publication. */
  update: boolean;
  /** A future cue just before the expression. */
  future: boolean;
}

export interface FoundDate {
  expr: TimeExpr;
  text: string;
  start: number;
  end: number;
  cues: Cues;
}

const CLAUSE_END = new Set([".", "؛", ";", "!", "؟", "?", "\n"]);
const SINCE = new Set(["منذ", "since"]);
const FUTURE = new Set([
  "المقرر",
  "مقرر",
  "يعتزم",
  "تعتزم",
  "يعقد",
  "تعقد",
  "يعقده",
  "تعقده",
  "سوف",
  "يزور",
  "تزور",
  "موعد",
  "ينطلق",
  "تنطلق",
  "سينطلق",
  "ستنطلق",
  "المرتقب",
  "المزمع",
  "يبدا",
  "تبدا",
]);
const NOT_FUTURE_VERB = new Set([
  "سيطره",
  "سياسه",
  "سيارات",
  "سياره",
  "ستين",
  "سته",
  "سنه",
  "سنوات",
  "سبتمبر",
  "ستار",
  "سيده",
  "سيول",
]);

function isFutureWord(f: string): boolean {
  for (const b of bases(f)) {
    if (FUTURE.has(b)) return true;
    // س + imperfect prefix (سيعقد، ستبدأ، سنعمل): the future tense.
    if (/^س[يتن]\p{L}{3,}$/u.test(b) && !NOT_FUTURE_VERB.has(b)) return true;
  }
  return false;
}

function cuesBefore(toks: readonly Token[], first: number): Cues {
  const cues: Cues = { since: false, file: false, update: false, future: false };
  for (let k = first - 1, n = 0; k >= 0 && n < 12; k--, n++) {
    const t = toks[k]!;
    if (t.k === "p" && CLAUSE_END.has(t.f)) break;
    if (t.k !== "w") continue;
    if (SINCE.has(t.f) || bases(t.f).some((b) => SINCE.has(b))) cues.since = true;
    if (n < 4 && isFutureWord(t.f)) cues.future = true;
  }
  return cues;
}

const UPDATE = /(?:آخر|اخر)\s+تحديث|تم\s+التحديث|\bupdated\b|\blast\s+update/iu;
const FILE =
  /\bFILE\b|\bfile\s+(?:photo|picture|image)\b|\bin\s+this\s+[^.]*\bphoto\b|صورة\s+(?:أرشيفية|ارشيفية|من\s+الأرشيف)/u;

/** Every temporal expression in `text`, with offsets into it and its cues. */
export function findDates(text: string, toks: readonly Token[] = tokenize(text)): FoundDate[] {
  const matches = scan(toks);
  if (matches.length === 0) return [];
  const update = UPDATE.test(text);
  const file = FILE.test(text);
  return matches.map((m) => {
    const start = toks[m.first]!.start;
    const end = toks[m.end - 1]!.end;
    const cues = cuesBefore(toks, m.first);
    cues.update = update;
    cues.file = file;
    return { expr: m.expr, text: text.slice(start, end), start, end, cues };
  });
}
