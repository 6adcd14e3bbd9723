/** The UI's two languages. Article text is shown as it is (Arabic); only the interface's own words switch. */
export type Lang = "ar" | "en";

/** CLDR plural categories: Arabic uses all six (zero, one, two, few 3–10, many 11–99, other 100–102…). */
export type PluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";

/**
 * The forms of a counted phrase, `{n}` standing for the (isolated) number. Only `other` is required: a language
 * uses the categories its rules produce (English one/other; Arabic all six).
 */
export type PluralForms = Partial<Record<PluralCategory, string>> & { other: string };

const rules = new Map<Lang, Intl.PluralRules>();

export function pluralCategory(lang: Lang, n: number): PluralCategory {
  let r = rules.get(lang);
  if (r === undefined) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  return r.select(n) as PluralCategory;
}

/** The form of `forms` for `n` (falling back to `other`), with `{n}` replaced by `shown` (the number as displayed). */
export function pluralForm(lang: Lang, forms: PluralForms, n: number, shown: string): string {
  const form = forms[pluralCategory(lang, n)] ?? forms.other;
  return form.replace("{n}", shown);
}
