/**
 * Currencies as a class: every ISO 4217 currency of CURRENCY_NAMES (CLDR's Arabic names), each name split into its
 * noun (دينار) and qualifier (كويتي, هونغ كونغ); the noun in every number and case form (singular, accusative دينارا,
 * dual ديناران/دينارين, sound plural ليرات, broken plural دنانير); the qualifier in every agreement form (كويتي،
 * الكويتي، كويتية، الكويتية، كويتيا); Arabic abbreviations (د.ك.، ج.م.، ر.س.، ل.ل.); Latin codes (KWD) and symbols ($ €
 * £ ₪ ₹ …); subunits (سنت، فلس، هللة، قرش، مليم، بيسة، سنتيم).
 */
import { fold } from "../text/tokens.js";
import { CURRENCY_NAMES } from "./currency-names.js";

/** Arabic usage CLDR lacks or words differently: name → code, added to the table. */
const MORE_NAMES: ReadonlyArray<readonly [string, string]> = [
  ["ليرة لبنانية", "LBP"], // CLDR: جنيه لبناني
  ["دولار أميركي", "USD"],
  ["جنيه استرليني", "GBP"],
  ["ين ياباني", "JPY"],
  ["شيقل إسرائيلي", "ILS"],
  ["شيكل إسرائيلي", "ILS"],
  ["يوان صيني", "CNY"],
  ["روبية هندية", "INR"],
  ["روبية باكستانية", "PKR"],
  ["أورو", "EUR"],
  ["اورو", "EUR"],
  ["أوقية موريتانية", "MRU"],
  ["درهم إماراتي", "AED"],
];

/** What a bare noun means in Arabic news when no qualifier follows; nouns of one currency need no entry. */
const BARE: ReadonlyMap<string, string> = new Map([
  ["دولار", "USD"],
  ["جنيه", "EGP"],
  ["ريال", "SAR"],
  ["درهم", "AED"],
  ["دينار", "dinar"],
  ["ليره", "lira"],
  ["فرنك", "franc"],
  ["روبيه", "rupee"],
  ["كرونه", "krona"],
  ["بيزو", "peso"],
  ["روبل", "RUB"],
  ["شلن", "shilling"],
  ["استرليني", "GBP"],
  ["شيكل", "ILS"],
  ["شيقل", "ILS"],
]);

/** Broken plurals and other irregular forms, by folded singular. Regular forms are made by `nounForms`. */
const IRREGULAR: ReadonlyMap<string, string[]> = new Map([
  ["دينار", ["دنانير"]],
  ["درهم", ["دراهم"]],
  ["شيكل", ["شواقل", "شيكلات"]],
  ["شيقل", ["شواقل"]],
  ["جنيه", ["جنيهات", "جنيها"]],
  ["فرنك", ["فرنكات"]],
  ["ين", []],
  ["يورو", []],
  ["بيزو", ["بيزوات"]],
]);

/** Nouns that take no sound plural or case ending (loanwords ending in a vowel). */
const INVARIANT = new Set(["يورو", "بيزو", "ين", "يوان", "اورو"]);

/** Folded noun forms with how many units the form itself counts (a dual counts 2). */
function nounForms(noun: string): Array<[string, number]> {
  const out: Array<[string, number]> = [[noun, 1]];
  for (const f of IRREGULAR.get(noun) ?? []) out.push([f, 1]);
  if (INVARIANT.has(noun)) return out;
  if (noun.endsWith("ه")) {
    // Feminine: ليرة → ليرات، ليرتان، ليرتين
    const stem = noun.slice(0, -1);
    out.push([stem + "ات", 1], [stem + "تان", 2], [stem + "تين", 2]);
  } else {
    out.push([noun + "ات", 1], [noun + "ا", 1], [noun + "ان", 2], [noun + "ين", 2]);
  }
  return out;
}

/** The agreement forms of a qualifier word (كويتي → الكويتي، كويتيه، الكويتيه، كويتيا), folded. */
function qualifierForms(word: string): string[] {
  const base = word.startsWith("ال") ? word.slice(2) : word;
  const forms = [base];
  if (base.endsWith("ي")) forms.push(base + "ه", base + "ا", base + "ين");
  if (base.endsWith("يه")) forms.push(base.slice(0, -1));
  return forms.flatMap((f) => [f, "ال" + f]);
}

export interface CurrencyNoun {
  /** Units the noun form counts: 1, or 2 for a dual. */
  count: number;
  /** Code when no qualifier follows, or undefined when the bare noun names no one currency. */
  bare: string | undefined;
  /** A currency of everyday Arabic news (دولار، دينار، ليرة…): only these count alone as a dual (دولارين), since a
   * rare noun's dual is as often a name (ليفين). */
  common: boolean;
  /** Qualifier word sequences (folded, every agreement form of the first word) → code. Longest first. */
  qualified: Array<[string[], string]>;
}

function build(): {
  nouns: Map<string, CurrencyNoun>;
  abbreviations: Map<string, string>;
  codes: Set<string>;
} {
  const byNoun = new Map<string, { codes: Set<string>; qualified: Array<[string[], string]> }>();
  const abbreviations = new Map<string, string>();
  const codes = new Set<string>();
  const all: Array<readonly [string, string]> = [...CURRENCY_NAMES.map(([c, n]) => [n, c] as const), ...MORE_NAMES];
  for (const [code, , abbr] of CURRENCY_NAMES) {
    codes.add(code);
    if (abbr) abbreviations.set(abbrKey(abbr), code);
  }
  for (const [name, code] of all) {
    const [noun, ...qual] = fold(name).split(/\s+/);
    if (!noun) continue;
    const entry = byNoun.get(noun) ?? { codes: new Set<string>(), qualified: [] };
    byNoun.set(noun, entry);
    entry.codes.add(code);
    if (qual.length) for (const f of qualifierForms(qual[0]!)) entry.qualified.push([[f, ...qual.slice(1)], code]);
  }
  const nouns = new Map<string, CurrencyNoun>();
  for (const [noun, entry] of byNoun) {
    const only = entry.codes.size === 1 ? [...entry.codes][0] : undefined;
    const qualified = entry.qualified.sort((a, b) => b[0].length - a[0].length);
    for (const [form, count] of nounForms(noun)) {
      if (nouns.has(form)) continue;
      nouns.set(form, { count, bare: BARE.get(noun) ?? only, common: BARE.has(noun), qualified });
    }
  }
  return { nouns, abbreviations, codes };
}

/**
 * An abbreviation's key: the letters as written, without dots, spaces, tatweel and direction marks (د.ك. = دك). Not
 * folded: د.إ. (AED) and د.أ. (JOD) differ only in the hamza the search fold removes.
 */
export function abbrKey(s: string): string {
  return s.replace(/[.\s\u0640\u200e\u200f\u061c]/gu, "");
}

const BUILT = build();

/** Folded currency noun form → what it says. */
export const CURRENCY_NOUNS: ReadonlyMap<string, CurrencyNoun> = BUILT.nouns;
/** Arabic abbreviation key (see `abbrKey`) → code: دك → KWD, جم → EGP, رس → SAR, لل → LBP. */
export const CURRENCY_ABBREVIATIONS: ReadonlyMap<string, string> = BUILT.abbreviations;
/** Every ISO 4217 code of the table, upper case (matched only when written in capitals: KWD, not "all"). */
export const CURRENCY_CODES: ReadonlySet<string> = BUILT.codes;

/** Currency symbols, before or after the number. `$` alone is the US dollar, as Arabic news writes it. */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ["$", "USD"],
  ["€", "EUR"],
  ["£", "GBP"],
  ["¥", "JPY"],
  ["₹", "INR"],
  ["₽", "RUB"],
  ["₺", "TRY"],
  ["₪", "ILS"],
  ["₩", "KRW"],
  ["₦", "NGN"],
  ["₴", "UAH"],
  ["₫", "VND"],
  ["฿", "THB"],
  ["₱", "PHP"],
  ["₸", "KZT"],
  ["₼", "AZN"],
  ["₾", "GEL"],
  ["؋", "AFN"],
]);

/**
 * Subunits: folded forms → parts per unit by currency, and the currency a bare amount of it means (or none when the
 * word is shared: فلس is Kuwaiti, Bahraini, Jordanian, Iraqi, Emirati…).
 */
export interface Subunit {
  per: ReadonlyMap<string, number>;
  fallbackPer: number;
  home?: string;
}

const sub = (forms: string[], s: Subunit): Array<[string, Subunit]> => forms.map((f) => [f, s]);

export const SUBUNITS: ReadonlyMap<string, Subunit> = new Map([
  ...sub(["سنت", "سنتات", "سنتا", "c"], { per: new Map(), fallbackPer: 100, home: "USD" }),
  ...sub(["هلله", "هللات", "هللتين"], { per: new Map(), fallbackPer: 100, home: "SAR" }),
  ...sub(["بيسه", "بيسات"], { per: new Map(), fallbackPer: 1000, home: "OMR" }),
  ...sub(["فلس", "فلوس", "فلسا", "فلسات"], {
    per: new Map([
      ["KWD", 1000],
      ["BHD", 1000],
      ["JOD", 1000],
      ["IQD", 1000],
      ["AED", 100],
      ["YER", 100],
    ]),
    fallbackPer: 1000,
  }),
  ...sub(["قرش", "قروش", "قرشا"], { per: new Map(), fallbackPer: 100 }),
  ...sub(["مليم", "مليمات", "مليما"], { per: new Map(), fallbackPer: 1000 }),
  ...sub(["سنتيم", "سنتيمات", "سنتيما"], { per: new Map(), fallbackPer: 100 }),
]);
