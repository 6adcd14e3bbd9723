import { said, type Said } from "../i18n/reasons.js";
import { decode as decodeEntities } from "html-entities";
import { readStamp } from "../annotate/published/stamp.js";
import type { RecordMeta } from "../core/stage.js";

/** A JSON record mapped onto what rasd needs: the text and what the record says about it. */
export interface MappedRecord {
  text: string;
  meta: RecordMeta;
  /** A stable id the record carries (docno, id, guid), for the source key when there is no URL. */
  id?: string;
  /** Whether the text is HTML markup rather than plain paragraphs. */
  html: boolean;
}

/** Field names tried in order, covering the streams in ../shared/corpus and common scraper outputs. */
const TEXT_FIELDS = [
  "text",
  "content",
  "body",
  "article",
  "articleBody",
  "full_text",
  "content_html",
  "html",
  "description",
  "abstract",
  "summary",
];
const TITLE_FIELDS = ["title", "headline", "name"];
const URL_FIELDS = ["url", "link", "href", "permalink"];
const OUTLET_FIELDS = ["outlet", "source", "publisher", "site", "site_name", "domain"];
const DATE_FIELDS = [
  "published",
  "datePublished",
  "date_published",
  "pubDate",
  "publishedAt",
  "published_at",
  "time",
  "date",
  "timestamp",
  "created_at",
];
const CRAWL_DATE_FIELDS = ["date_extracted", "crawled", "crawled_at", "scraped_at", "fetched_at"];
const ID_FIELDS = ["id", "docno", "doc_id", "guid", "uuid"];

/** NUL cannot be stored by PostgreSQL (text or jsonb); a record's fields may carry it as a "\u0000" escape. */
function noNul(s: string): string {
  return s.includes("\u0000") ? s.replaceAll("\u0000", "\uFFFD") : s;
}

/** A field's HTML character references decoded (scrapers leave `&quot;` and `&#8217;` in titles, names, dates). */
function plain(s: string): string {
  return s.includes("&") ? decodeEntities(s) : s;
}

function pick(rec: Record<string, unknown>, fields: readonly string[]): string | undefined {
  for (const f of fields) {
    const v = rec[f];
    if (typeof v === "string" && v.trim() !== "") return plain(noNul(v));
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const name = (v as Record<string, unknown>)["name"];
      if (typeof name === "string" && name.trim() !== "") return plain(noNul(name));
    }
  }
  return undefined;
}

/**
 * Whether the record is an article at all, if an empty one: it has a body field (possibly blank) or a URL. Scrapers
 * emit such records for pages they failed to read; they are stored (with a diagnostic), not dropped, so that a
 * later re-scrape of the same URL is recognised as the same page.
 */
function hasArticleField(rec: Record<string, unknown>): boolean {
  return [...TEXT_FIELDS, ...URL_FIELDS].some((f) => typeof rec[f] === "string");
}

/** Words of a URL's last path segment (`/node/1/some-title-words.html`), the only title an empty record may have. */
export function titleFromUrl(url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
  const last = path.split("/").filter(Boolean).pop() ?? "";
  const words = last
    .replace(/\.[a-z0-9]{2,5}$/i, "")
    .split(/[-_+]+/u)
    .filter((w) => /\p{L}/u.test(w));
  return words.length >= 3 ? words.join(" ") : undefined;
}

const LOOKS_HTML = /<(p|div|br|span|article|section|h[1-6]|a|img|figure)\b[^>]*>/i;

function isoOf(value: string | undefined, dayFirst: boolean): string | undefined {
  if (value === undefined) return undefined;
  const s = readStamp(value, { dayFirst });
  return s !== undefined && "iso" in s ? s.iso : value;
}

/**
 * Why a value is not an article record: a phrase that completes "line 3 of "x.jsonl" …", in English (`error`, as
 * reports have always said it) and in Arabic (`ar`, a phrase of its own).
 */
export interface NotARecord {
  error: string;
  ar: string;
}

export function notARecord(s: Said): NotARecord {
  return { error: s.en, ar: s.ar };
}

/** The reason as the catalogue's pair, to build a sentence around it. */
export function recordReason(r: NotARecord): Said {
  return { en: r.error, ar: r.ar };
}

/**
 * Maps one parsed JSON value to an article record, or explains why it is not one. The text is the longest of the
 * candidate text fields when several are present (an abstract next to the full text must not win).
 */
export function mapRecord(value: unknown, opts: { html?: boolean } = {}): MappedRecord | NotARecord {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return notARecord(
      said("recordNotObject", { kind: Array.isArray(value) ? "an array" : value === null ? "null" : typeof value }),
    );
  }
  const rec = value as Record<string, unknown>;
  let text: string | undefined;
  for (const f of TEXT_FIELDS) {
    const v = rec[f];
    if (typeof v === "string" && v.trim() !== "" && (text === undefined || v.length > text.length * 1.2)) text = v;
  }
  const title = pick(rec, TITLE_FIELDS);
  // A record with a title and an empty body is still an article (feeds and scrapers produce them); it is stored
  // with its title, and extraction notes the empty body. Without either, it is not an article at all.
  if (text === undefined && !hasArticleField(rec)) {
    const keys = Object.keys(rec).slice(0, 8).join(", ") || "none";
    return notARecord(said("recordNoArticle", { fields: TEXT_FIELDS.slice(0, 4).join("/"), keys }));
  }
  text = noNul(text ?? "");
  const meta: RecordMeta = {};
  const url = pick(rec, URL_FIELDS);
  if (url !== undefined) meta.url = url;
  const shownTitle = title ?? (url !== undefined ? titleFromUrl(url) : undefined);
  if (shownTitle !== undefined) meta.title = shownTitle;
  const outlet = pick(rec, OUTLET_FIELDS);
  if (outlet !== undefined) meta.outlet = outlet;
  // Dates as the record gives them, read into ISO (Hijri years converted, Arabic month names read, numeric dates
  // day-first when the record is Arabic); a value that does not read is kept as it is, for the diagnostic.
  const arabic = /\p{Script=Arabic}/u.test(`${title ?? ""}${text.slice(0, 200)}`);
  const published = isoOf(pick(rec, DATE_FIELDS), arabic);
  const crawled = isoOf(pick(rec, CRAWL_DATE_FIELDS), arabic);
  if (published !== undefined) meta.published = published;
  else if (crawled !== undefined) {
    meta.published = crawled;
    meta.publishedIsCrawl = true;
  }
  const author = pick(rec, ["author", "authors", "byline", "creator"]);
  if (author !== undefined) meta.author = author;
  const category = pick(rec, ["category", "section", "categories"]);
  if (category !== undefined) meta.category = category;
  const summary = pick(rec, ["abstract", "summary", "description"]);
  if (summary !== undefined && summary !== text) meta.summary = summary;
  const html = opts.html === true || LOOKS_HTML.test(text.slice(0, 2000));
  // Plain text with character references (`&quot;`): decoded here; HTML bodies are decoded by the HTML reader.
  const out: MappedRecord = { text: html ? text : plain(text), meta, html };
  const id = pick(rec, ID_FIELDS);
  if (id !== undefined) out.id = id;
  return out;
}
