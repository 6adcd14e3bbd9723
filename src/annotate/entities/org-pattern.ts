import { isSpeechVerb, NAME_STOPS, PERSON_TITLES, TIME_WORDS } from "./lexicon.js";
import type { Candidate } from "./recognize.js";
import { cliticForms, fold, hasCliticForm, type Token } from "./text.js";

/**
 * Organisation names by their descriptor, for names no list knows and the tagger missed:
 *   - an institution's head word in construct (وزارة، حزب، جامعة، حركة، جبهة، جيش…) and one to three definite words
 *     or known names after it: وزارة الخارجية، جبهة الخلاص الوطني، جامعة الدول العربية، جيش الاحتلال;
 *   - a definite head (الجيش، الحكومة، القوات، البرلمان) and the demonym that says whose it is, perhaps after an
 *     arm's name: الجيش اللبناني، الحكومة اللبنانية، القوات المسلحة السودانية (not الحكومة الحالية).
 * Only heads that name an institution and nothing else count (not مركز "centre", مكتب "office", غرفة "room",
 * مجموعة "group", which head ordinary phrases as often as names). Words after the head stop at a function word, a
 * time word, a speech verb, punctuation or an indefinite word.
 */

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/u).filter(Boolean).map(fold));
}

/** Heads in construct: followed by the name's definite words. */
const CONSTRUCT_HEADS = set(`
وزارة حزب جامعة شركة منظمة وكالة مجلس حركة جبهة اتحاد هيئة بنك مصرف صحيفة جريدة مجلة قناة إذاعة جمعية لجنة
محكمة جيش قوات نادي مؤسسة معهد كلية تنظيم جماعة كتائب ألوية فيلق ائتلاف تحالف رابطة نقابة مفوضية أكاديمية
مستشفى حكومة برلمان
`);

/** Definite heads that take nisba adjectives: الجيش اللبناني. */
const DEFINITE_HEADS = set(`
الجيش الحكومة القوات البرلمان الشرطة البحرية الخارجية الداخلية الاستخبارات المخابرات الوزارة
`);

/** Either kind of head: most words are neither, and are told so without making their clitic forms. */
const HEADS: ReadonlySet<string> = new Set([...CONSTRUCT_HEADS, ...DEFINITE_HEADS]);

/** The arms of a state's forces, between a definite head and its demonym. */
const ARMS = set("المسلحة الجوية البرية البحرية");

/** Nouns of time that follow a name without belonging to it (مجلس الوزراء | الأسبوع المقبل). */
const TIME_NOUNS = set("الأسبوع الشهر العام السنة اليوم الليلة المقبل المقبلة الماضي الماضية الجاري الحالي الحالية");

const MAX_AFTER = 3;

/** Feminine or plural (ة، ات): its adjective ends in ية (الحكومة اللبنانية، القوات السودانية). */
function feminine(w: string): boolean {
  return w.endsWith("ه") || w.endsWith("ات");
}

function stop(t: Token | undefined): boolean {
  if (t === undefined || !t.word || t.latin) return true;
  return NAME_STOPS.has(t.norm) || TIME_WORDS.has(t.norm) || TIME_NOUNS.has(t.norm) || isSpeechVerb(t);
}

function definite(t: Token): boolean {
  return t.norm.startsWith("ال") && t.norm.length > 3;
}

/**
 * Organisation candidates by descriptor; `named(i)` says a gazetteer name covers token i, `demonym(i)` that token i
 * is a gazetteer's related word (اللبناني).
 */
export function orgPatternSpans(
  tokens: readonly Token[],
  named: (i: number) => boolean,
  demonym: (i: number) => boolean,
): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word || t.latin || !hasCliticForm(t.norm, HEADS)) continue;
    const forms = cliticForms(t.norm);
    const head = forms.find((f) => CONSTRUCT_HEADS.has(f.form) || DEFINITE_HEADS.has(f.form));
    if (head === undefined) continue;
    const construct = CONSTRUCT_HEADS.has(head.form);
    const definiteHead = !construct;
    // وزير الخارجية الإيطالي: after a title the words are a role, and the demonym agrees with the title.
    if (i > 0 && PERSON_TITLES.has(tokens[i - 1]!.norm)) continue;
    const agrees = (w: Token) => construct || feminine(head.form) === w.norm.endsWith("يه");
    let j = i + 1;
    while (j < tokens.length && j - i - 1 < MAX_AFTER) {
      const w = tokens[j]!;
      if (stop(w)) break;
      const fits = construct ? definite(w) || named(j) || demonym(j) : (demonym(j) && agrees(w)) || ARMS.has(w.norm);
      if (!fits) break;
      j++;
    }
    // After a definite head, the span ends at its demonym: an arm alone (القوات المسلحة) is a description.
    while (definiteHead && j > i + 1 && !demonym(j - 1)) j--;
    if (j > i + 1) {
      // The name starts after the proclitics (وجبهة الخلاص → جبهة الخلاص), unless لل stands for ال.
      const cut = t.norm.endsWith(head.form) ? head.cut : 0;
      out.push({ from: i, to: j, type: "organization", source: "pattern", cut });
      i = j - 1;
    }
  }
  return out;
}
