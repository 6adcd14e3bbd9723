import { decode as decodeEntities } from "html-entities";
import { mapRecord, notARecord, type MappedRecord, type NotARecord } from "./records.js";
import { said } from "../i18n/reasons.js";
import { readStamp } from "../annotate/published/stamp.js";

/** One item of a feed, as a record. */
export interface FeedItem {
  record: MappedRecord | NotARecord;
  index: number;
  /** What was odd about it (an ambiguous date, a relative link without a base), for a diagnostic. */
  notes: string[];
}

export interface ParsedFeed {
  title: string | undefined;
  items: FeedItem[];
  /** Why the document could not be read as a feed at all (then there are no items). */
  error?: string;
}

export interface FeedOptions {
  /** Where the feed came from: relative links resolve against it when the feed gives no base. */
  feedUrl?: string | undefined;
  /** The outlet's name, when the caller knows it better than the feed's own title. */
  feedTitle?: string | undefined;
}

/** Text without markup and with entities decoded once: a title is plain text, whatever a CMS put in it. */
export function plainTitle(s: string | null | undefined): string | undefined {
  if (s == null) return undefined;
  // Inline tags (<b>, <sup>) join their neighbours ("ft<sup>2</sup>" is "ft2"); others separate words.
  const t = decodeEntities(
    s.replace(/<\/?(?:b|i|em|strong|span|a|small|sub|sup|u|font|abbr|mark)\b[^<>]*>/giu, "").replace(/<[^<>]*>/gu, " "),
  )
    .replace(/\s+/gu, " ")
    .trim();
  return t === "" ? undefined : t;
}

/** An absolute http(s) URL: as given, or resolved against `base`; undefined when neither works. */
export function absolute(url: string | null | undefined, base: string | undefined): string | undefined {
  if (url == null || url.trim() === "") return undefined;
  for (const b of [undefined, base]) {
    try {
      const u = new URL(url.trim(), b);
      if (u.protocol === "http:" || u.protocol === "https:") return u.href;
    } catch {
      // not absolute: try the next base
    }
  }
  return undefined;
}

/** Whether the feed is Arabic: its language, else the script of its titles. Arabic sites write dates day-first. */
export function isArabicFeed(lang: string | null | undefined, titles: readonly string[]): boolean {
  if (lang != null && /^(ar|fa|ur)\b/iu.test(lang.trim())) return true;
  const text = titles.join(" ");
  const arabic = text.match(/\p{Script=Arabic}/gu)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters > 0 && arabic / letters > 0.5;
}

/** What a feed item says, before it becomes a record. */
export interface ItemFields {
  title?: string | undefined;
  link?: string | undefined;
  id?: string | undefined;
  /** Raw date texts, most trusted first (published, pubDate, dc:date, issued … updated last). */
  dates: string[];
  author?: string | undefined;
  category?: string | undefined;
  content?: string | undefined;
  summary?: string | undefined;
}

/**
 * One item as a record: the link made absolute, the first date that reads (day-first in an Arabic feed), the text
 * (full content, else the summary, else nothing: a title-only or link-only item is a short article). An item with
 * neither title, link nor text is an error item, reported, never dropped silently.
 */
export function itemRecord(
  f: ItemFields,
  index: number,
  ctx: { base?: string; outlet?: string; dayFirst: boolean },
): FeedItem {
  const notes: string[] = [];
  const link = absolute(f.link, ctx.base);
  if (f.link !== undefined && f.link.trim() !== "" && link === undefined)
    notes.push(`its link "${f.link.slice(0, 200)}" is relative and the feed gives no base to resolve it`);
  let published: string | undefined;
  for (const raw of f.dates) {
    const s = readStamp(raw, { dayFirst: ctx.dayFirst });
    if (s === undefined) {
      notes.push(`its date "${raw.slice(0, 80)}" is not a date rasd reads`);
      continue;
    }
    if ("ambiguous" in s) {
      notes.push(`its date "${raw}" reads ${s.ambiguous.join(" or ")}; left undated`);
      continue;
    }
    published = s.iso;
    break;
  }
  const title = plainTitle(f.title);
  const text = f.content ?? f.summary ?? "";
  if (title === undefined && link === undefined && text.trim() === "")
    return { record: notARecord(said("itemEmpty")), index, notes };
  const rec: Record<string, unknown> = {
    title,
    url: link,
    guid: f.id,
    published,
    author: f.author,
    category: f.category,
    content: text,
    summary: f.content !== undefined ? f.summary : undefined,
    outlet: ctx.outlet,
  };
  // A feed's content is HTML by definition, escaped text included: decoded by the HTML reader, once.
  const mapped = mapRecord(rec, { html: true });
  if (!("error" in mapped) && published !== undefined) mapped.meta.publishedIsFeed = true;
  if (!("error" in mapped) && notes.length) mapped.meta.notes = notes;
  return { record: mapped, index, notes };
}
