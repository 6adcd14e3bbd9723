import { foldForMatch, words } from "../text/normalize.js";

/**
 * A page title without the site name the page appends or prepends ("Headline - CNNArabic.com",
 * "الموقع | العنوان"). A part is dropped when it names the site (matches the site name or looks like a domain);
 * failing that, a short last part after a strong separator ("|", "»", "—") is dropped, as site names are. A colon
 * never separates: "الوزير: …" is a headline.
 */
const SEPARATOR = /\s+(?:\||-|–|—|::|»|«|·|•|\/)\s+/u;
const STRONG_LAST = /\s+(?:\||»|—|::|·|•)\s+([^|»—·•]+)$/u;

export function cleanTitle(raw: string, siteName?: string): string {
  const title = raw.replace(/\s+/gu, " ").trim();
  const parts = title
    .split(SEPARATOR)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return title;
  const site = siteName === undefined ? "" : foldForMatch(siteName);
  const isSite = (p: string) => {
    const f = foldForMatch(p);
    if (/^(?:www\.)?[\p{L}\p{N}-]+(?:\.[a-z]{2,})+$/iu.test(p)) return true;
    return site !== "" && f !== "" && (f === site || f.includes(site) || (site.includes(f) && f.length >= 3));
  };
  const kept = parts.filter((p) => !isSite(p));
  if (kept.length === 1) return kept[0] as string;
  if (kept.length === 0 || kept.length < parts.length) return kept.length === 0 ? title : kept.join(" - ");
  const last = STRONG_LAST.exec(title);
  if (last?.[1] !== undefined && words(last[1]).length <= 3 && words(title).length - words(last[1]).length >= 4) {
    return title.slice(0, last.index).trim();
  }
  return title;
}
