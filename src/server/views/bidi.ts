import {
  COUNTS,
  formatNumber,
  hasArabic,
  pluralForm,
  splitRuns,
  t,
  type CountKey,
  type LabelKey,
  type Lang,
} from "../../i18n/index.js";
import { html, type Html } from "./html.js";

/**
 * Text put into pages with its Latin and numeric runs isolated (<bdi>), so that a number or a Latin name keeps its
 * place inside right-to-left text. Interface words that are Latin (RSS, HTML, RASD_TOKEN) are marked lang="en";
 * third-party text (titles, quotes, names) keeps its runs isolated without a language claim.
 */
function isolated(s: string, latinLang: "en" | null): Html {
  return html`${splitRuns(s).map((r) =>
    r.ltr
      ? latinLang !== null && /\p{Script=Latin}/u.test(r.text)
        ? html`<bdi lang="en">${r.text}</bdi>`
        : html`<bdi>${r.text}</bdi>`
      : r.text,
  )}`;
}

/** A sentence of the interface (from the catalogue) with its Latin runs isolated and marked English. */
export function latinIsolated(s: string): Html {
  return isolated(s, "en");
}

/** A label of the catalogue as HTML. In English pages nothing needs isolating. */
export function label(lang: Lang, key: LabelKey): Html {
  return lang === "ar" ? isolated(t(lang, key), "en") : html`${t(lang, key)}`;
}

/**
 * Text from the articles (titles, sentences, quotes, names): shown as written, runs isolated. Text without Arabic
 * (a Latin outlet name, a bare number) is isolated as a whole, so it never joins the Arabic around it.
 */
export function verbatim(s: string): Html {
  if (hasArabic(s) || s.trim() === "") return isolated(s, null);
  return html`<bdi>${s}</bdi>`;
}

/** Every Latin or numeric run of `s` isolated, whether or not `s` itself has Arabic (a piece of a longer text). */
export function runsIsolated(s: string): Html {
  return isolated(s, null);
}

/** English text (rasd's own record, a technical message) with the Arabic quoted in it isolated and marked. */
export function englishText(s: string): Html {
  const parts = s.split(/((?:\p{Script=Arabic}+[\s\u060C]*)*\p{Script=Arabic}+)/u);
  return html`${parts.map((p, i) => (i % 2 === 1 ? html`<bdi lang="ar">${p}</bdi>` : p))}`;
}

/** A number, isolated. */
export function num(n: number): Html {
  return html`<bdi>${formatNumber(n)}</bdi>`;
}

/** A counted phrase with the right plural form and the number isolated: «مصدران», «3 مصادر», «11 مصدرًا». */
export function count(lang: Lang, key: CountKey, n: number): Html {
  const marker = "\u0000";
  const text = pluralForm(lang, COUNTS[key][lang], n, marker);
  const [before, after] = text.split(marker);
  return after === undefined ? html`${text}` : html`${before}${num(n)}${after}`;
}

/** Dates shown as stored (ISO: reads the same in both languages and sorts visibly), or "undated". */
export function showDate(lang: Lang, d: string | null | undefined): string {
  return d ?? t(lang, "undated");
}

/** A date as an isolated <time> element, or the word for "undated". */
export function dateHtml(lang: Lang, d: string | null | undefined): Html {
  return d === null || d === undefined
    ? html`${t(lang, "undated")}`
    : html`<time datetime="${d}" dir="ltr">${d}</time>`;
}

/**
 * Plain text whose Latin and numeric runs the catalogue isolated with FSI … PDI (the reasons of i18n/reasons.ts) as
 * HTML: each isolate a <bdi>, marked English when it holds Latin letters (a path, a URL, a parser's message).
 */
export function fsiText(s: string): Html {
  const parts = s.split(/\u2068([^\u2069]*)\u2069/u);
  return html`${parts.map((p, i) =>
    i % 2 === 0 ? p : /\p{Script=Latin}/u.test(p) ? html`<bdi lang="en">${p}</bdi>` : html`<bdi>${p}</bdi>`,
  )}`;
}
