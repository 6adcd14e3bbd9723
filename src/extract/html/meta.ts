import type { DateHint } from "../../core/stage.js";

/**
 * Page metadata from JSON-LD (NewsArticle and kin), OpenGraph and article:* meta tags, plain meta names and
 * <time datetime>. Read before Readability runs (it rewrites the tree). Every field is optional: pages carry
 * any subset, and a wrong field is worse than none.
 */
export interface PageMeta {
  title?: string | undefined;
  siteName?: string | undefined;
  url?: string | undefined;
  author?: string | undefined;
  section?: string | undefined;
  lang?: string | undefined;
  description?: string | undefined;
  published: DateHint[];
  modified: DateHint[];
}

/** The slice of the DOM we read (linkedom's document satisfies it). */
export interface MetaDocument {
  getElementsByTagName(name: string): ArrayLike<MetaElement>;
  documentElement: MetaElement | null;
}

export interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

const ARTICLE_TYPES = /^(?:News|Reportage|Analysis|Opinion|Review|Background)?(?:Article|NewsArticle|BlogPosting|Report|LiveBlogPosting|WebPage)$/u;

/**
 * Elements by tag name, in document order. A tag-name walk instead of querySelectorAll: linkedom matches selectors
 * through css-select, which cost a sixth of the page's metadata time for the same elements.
 */
function byTag(doc: MetaDocument, name: string): MetaElement[] {
  return Array.from(doc.getElementsByTagName(name));
}

/** Markup naming a microdata or RDFa publication date: only then is every element's attributes worth a look. */
const MICRODATA_DATE = /\b(?:itemprop\s*=\s*["']?datePublished|property\s*=\s*["']?dc:(?:date|created))\b/iu;

/**
 * `markup` is the page's HTML as parsed (optional): when given, the whole-tree scan for microdata dates only runs
 * if the markup mentions one, which most pages do not.
 */
export function readMeta(doc: MetaDocument, jsonLd: readonly string[], markup?: string): PageMeta {
  const meta: PageMeta = { published: [], modified: [] };
  for (const block of jsonLd) readJsonLd(block, meta);
  const tags = new Map<string, string>();
  for (const el of byTag(doc, "meta")) {
    const key = (el.getAttribute("property") ?? el.getAttribute("name") ?? el.getAttribute("itemprop") ?? "").toLowerCase();
    const content = el.getAttribute("content");
    if (key !== "" && content != null && content.trim() !== "" && !tags.has(key)) tags.set(key, content.trim());
  }
  const pick = (...keys: string[]) => keys.map((k) => tags.get(k)).find((v) => v !== undefined);
  meta.title ??= pick("og:title", "twitter:title", "title");
  meta.siteName ??= pick("og:site_name", "application-name", "publisher");
  meta.url ??= pick("og:url") ?? canonical(doc);
  meta.author ??= pick("article:author", "author", "byl", "dc.creator");
  meta.section ??= pick("article:section", "section");
  meta.description ??= pick("og:description", "description");
  const lang = doc.documentElement?.getAttribute("lang") ?? pick("og:locale", "content-language", "language");
  if (lang != null && lang !== "") meta.lang = lang.replace("_", "-").toLowerCase();
  for (const k of ["article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date.issued", "dcterms.created"]) {
    const v = tags.get(k);
    if (v !== undefined) meta.published.push({ value: v, source: `meta:${k}` });
  }
  for (const k of ["article:modified_time", "datemodified", "og:updated_time", "last-modified"]) {
    const v = tags.get(k);
    if (v !== undefined) meta.modified.push({ value: v, source: `meta:${k}` });
  }
  // Microdata and RDFa on ordinary elements (<span itemprop="datePublished" content="…">, property="dc:date").
  for (const el of markup === undefined || MICRODATA_DATE.test(markup) ? byTag(doc, "*") : []) {
    if (!isMicrodataDate(el)) continue;
    const v = el.getAttribute("content") ?? el.getAttribute("datetime");
    if (v != null && v.trim() !== "" && meta.published.length < 8) meta.published.push({ value: v.trim(), source: "microdata:datePublished" });
  }
  let n = 0;
  for (const el of byTag(doc, "time")) {
    if (el.getAttribute("datetime") === null) continue;
    const v = el.getAttribute("datetime")?.trim();
    if (v) meta.published.push({ value: v, source: "time[datetime]" });
    if (++n >= 3) break;
  }
  return meta;
}

/** `[itemprop="datePublished"], [property="dc:date"], [property="dc:created"]`, exact values as in CSS. */
function isMicrodataDate(el: MetaElement): boolean {
  const prop = el.getAttribute("property");
  return el.getAttribute("itemprop") === "datePublished" || prop === "dc:date" || prop === "dc:created";
}

function canonical(doc: MetaDocument): string | undefined {
  for (const el of byTag(doc, "link")) {
    if (el.getAttribute("rel") !== "canonical") continue;
    const href = el.getAttribute("href");
    if (href != null && /^https?:\/\//u.test(href)) return href;
  }
  return undefined;
}

function readJsonLd(block: string, meta: PageMeta): void {
  let data: unknown;
  try {
    data = JSON.parse(block.trim().replace(/^<!\[CDATA\[|\]\]>$/gu, ""));
  } catch {
    return; // a broken JSON-LD block is common and says nothing; other metadata still counts
  }
  for (const node of flatten(data)) {
    const type = node["@type"];
    const types = Array.isArray(type) ? type : [type];
    if (!types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t))) continue;
    const isPage = types.every((t) => t === "WebPage");
    if (!isPage) meta.title ??= str(node["headline"]) ?? str(node["name"]);
    const pub = str(node["datePublished"]);
    const mod = str(node["dateModified"]);
    if (pub !== undefined) meta.published.push({ value: pub, source: "json-ld:datePublished" });
    if (mod !== undefined) meta.modified.push({ value: mod, source: "json-ld:dateModified" });
    meta.author ??= names(node["author"]);
    meta.siteName ??= names(node["publisher"]);
    meta.section ??= str(node["articleSection"]);
    meta.url ??= str(node["url"]);
  }
}

type Obj = Record<string, unknown>;

function flatten(data: unknown, out: Obj[] = [], depth = 0): Obj[] {
  if (depth > 5 || out.length > 50) return out;
  if (Array.isArray(data)) for (const d of data) flatten(d, out, depth + 1);
  else if (data !== null && typeof data === "object") {
    out.push(data as Obj);
    const graph = (data as Obj)["@graph"];
    if (graph !== undefined) flatten(graph, out, depth + 1);
  }
  return out;
}

function str(v: unknown): string | undefined {
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  if (Array.isArray(v)) return str(v[0]);
  return undefined;
}

function names(v: unknown): string | undefined {
  if (typeof v === "string") return str(v);
  const list = (Array.isArray(v) ? v : [v]).map((x) => (x !== null && typeof x === "object" ? str((x as Obj)["name"]) : str(x)));
  const ok = list.filter((x): x is string => x !== undefined);
  if (ok.length === 0) return undefined;
  return ok.join(ok.some((n) => /\p{Script=Arabic}/u.test(n)) ? "، " : ", ");
}
