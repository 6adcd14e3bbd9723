import type { Publisher } from "../../core/types.js";
import { isAgencyOnly } from "./lexicon.js";
import { foldForMatch, words } from "./normalize.js";
import type { ClassifiedLine } from "./classify.js";

/**
 * Who published the page and whose copy it is, from what the page shows: a domain in the footer and the site
 * name beside it, a credit in parentheses ("(SITE - وكالات)": the site, then the agency), a source line
 * ("المصدر: وكالات"), a rights line ("جميع الحقوق محفوظة لـ SITE").
 */
export interface Credits {
  publisher: Publisher;
  attribution: string | null;
}

const CREDIT_SPLIT = /\s*(?:[-–—/|،,+]|\s و)\s*/u;
const RIGHTS = /(?:الحقوق محفوظة|حقوق النشر محفوظة)\s*(?:ل|لـ|لموقع|لصحيفة|لجريدة)?\s*[:ـ]?\s*(.{2,40})$/u;

export function creditsOf(lines: readonly ClassifiedLine[]): Credits {
  const agencies: string[] = [];
  const sites: string[] = [];
  for (const { f, role } of lines) {
    const credit =
      role === "attribution" ? (f.credit ?? f.trailingCredit) : role === "dateline" ? f.trailingCredit : null;
    if (credit === null) continue;
    for (const part of credit
      .split(CREDIT_SPLIT)
      .map((p) => p.trim())
      .filter(Boolean)) {
      (isAgencyOnly(foldForMatch(part)) ? agencies : sites).push(part);
    }
  }
  const domain = footerDomain(lines);
  const name = sites[0] ?? siteNameBeside(lines, domain) ?? rightsHolder(lines);
  return {
    publisher: { name: name ?? null, domain: domain?.domain ?? null },
    attribution: agencies.length > 0 ? [...new Set(agencies)].join("، ") : null,
  };
}

function footerDomain(lines: readonly ClassifiedLine[]): { domain: string; index: number } | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const d = lines[i]?.f.domain;
    if (d != null) return { domain: d.replace(/^www\./u, ""), index: i };
  }
  return null;
}

/** The site's name printed next to its domain or logo: a short furniture line of letters in the page's script. */
function siteNameBeside(lines: readonly ClassifiedLine[], domain: { index: number } | null): string | null {
  if (domain === null) return null;
  for (const j of [domain.index - 1, domain.index + 1]) {
    const l = lines[j];
    if (l === undefined || l.role !== "chrome" || l.f.domain !== null) continue;
    const n = words(l.f.text).length;
    if (n >= 1 && n <= 4 && l.f.furniture === 0 && l.f.letterRatio > 0.8) return l.f.text;
  }
  return null;
}

function rightsHolder(lines: readonly ClassifiedLine[]): string | null {
  for (const { f } of lines) {
    const m = RIGHTS.exec(f.text);
    if (m?.[1] !== undefined) return m[1].replace(/[\s.©|-]+$/u, "").trim() || null;
  }
  return null;
}
