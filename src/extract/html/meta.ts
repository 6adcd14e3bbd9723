import { parseHTML } from "linkedom";
import type { DateHint } from "../../core/stage.js";
import type { MarkupFacts } from "./clean.js";

/**
 * Page metadata from JSON-LD (NewsArticle and kin), OpenGraph and article:* meta tags, plain meta names and
 * <time datetime>, read from the markup as cleanMarkup passes over it (no DOM walk). Every field is optional: pages
 * carry any subset, and a wrong field is worse than none.
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

const ARTICLE_TYPES =
  /^(?:News|Reportage|Analysis|Opinion|Review|Background)?(?:Article|NewsArticle|BlogPosting|Report|LiveBlogPosting|WebPage)$/u;

/**
 * The metadata of a page from what cleanMarkup read on its pass (`facts`) and its JSON-LD blocks: no DOM walk.
 * Not read, as the DOM walk this replaces never found them either: microdata dates on elements other than <meta>
 * (linkedom's getElementsByTagName("*") returns nothing) and <link rel="canonical"> (the markup loses every <link>).
 */
export function readMeta(facts: MarkupFacts, jsonLd: readonly string[]): PageMeta {
  const meta: PageMeta = { published: [], modified: [] };
  for (const block of jsonLd) readJsonLd(block, meta);
  const { meta: metaTags, times, lang: htmlLang } = decodeFacts(facts);
  const tags = new Map<string, string>();
  for (const el of metaTags) {
    const key = (el.property ?? el.name ?? el.itemprop ?? "").toLowerCase();
    const content = el.content;
    if (key !== "" && content != null && content.trim() !== "" && !tags.has(key)) tags.set(key, content.trim());
  }
  const pick = (...keys: string[]) => keys.map((k) => tags.get(k)).find((v) => v !== undefined);
  meta.title ??= pick("og:title", "twitter:title", "title");
  meta.siteName ??= pick("og:site_name", "application-name", "publisher");
  meta.url ??= pick("og:url");
  meta.author ??= pick("article:author", "author", "byl", "dc.creator");
  meta.section ??= pick("article:section", "section");
  meta.description ??= pick("og:description", "description");
  const lang = htmlLang ?? pick("og:locale", "content-language", "language");
  if (lang != null && lang !== "") meta.lang = lang.replace("_", "-").toLowerCase();
  for (const k of [
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date.issued",
    "dcterms.created",
  ]) {
    const v = tags.get(k);
    if (v !== undefined) meta.published.push({ value: v, source: `meta:${k}` });
  }
  for (const k of ["article:modified_time", "datemodified", "og:updated_time", "last-modified"]) {
    const v = tags.get(k);
    if (v !== undefined) meta.modified.push({ value: v, source: `meta:${k}` });
  }
  for (const t of times) {
    const v = t.trim();
    if (v) meta.published.push({ value: v, source: "time[datetime]" });
  }
  return meta;
}

/**
 * The facts with character references decoded as the parser decodes attribute values: by the parser itself, on a
 * small document of the values that hold a "&" (most hold none).
 */
function decodeFacts(facts: MarkupFacts): MarkupFacts {
  const coded = new Set<string>();
  const note = (v: string | null) => {
    if (v?.includes("&")) coded.add(v);
  };
  for (const t of facts.meta) [t.name, t.property, t.itemprop, t.content].forEach(note);
  facts.times.forEach(note);
  note(facts.lang);
  if (coded.size === 0) return facts;
  const values = [...coded];
  const markup = values.map((v) => `<i v="${v.replace(/"/gu, "&quot;")}"></i>`).join("");
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  const elements = (
    document as unknown as { body: { children: ArrayLike<{ getAttribute(name: string): string | null }> } }
  ).body.children;
  const decoded = new Map(values.map((v, i) => [v, elements[i]?.getAttribute("v") ?? v]));
  const d = <T extends string | null>(v: T): T => (v === null ? v : ((decoded.get(v) ?? v) as T));
  return {
    meta: facts.meta.map((t) => ({
      name: d(t.name),
      property: d(t.property),
      itemprop: d(t.itemprop),
      content: d(t.content),
    })),
    times: facts.times.map(d),
    lang: d(facts.lang),
  };
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
  const list = (Array.isArray(v) ? v : [v]).map((x) =>
    x !== null && typeof x === "object" ? str((x as Obj)["name"]) : str(x),
  );
  const ok = list.filter((x): x is string => x !== undefined);
  if (ok.length === 0) return undefined;
  return ok.join(ok.some((n) => /\p{Script=Arabic}/u.test(n)) ? "، " : ", ");
}
