import { said } from "../i18n/reasons.js";
import { notARecord } from "./records.js";
import { absolute, isArabicFeed, itemRecord, plainTitle, type FeedOptions, type ParsedFeed } from "./feed-item.js";

type Obj = Record<string, unknown>;

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
}

function authorOf(item: Obj): string | undefined {
  const list = Array.isArray(item["authors"]) ? item["authors"] : item["author"] ? [item["author"]] : [];
  const names = list.map((a) => (a !== null && typeof a === "object" ? str((a as Obj)["name"]) : undefined));
  const ok = names.filter((n): n is string => n !== undefined);
  return ok.length ? ok.join(", ") : undefined;
}

/** A JSON Feed (jsonfeed.org 1.0/1.1): items with url, title, content_html/content_text, date_published. */
export function parseJsonFeed(text: string, opts: FeedOptions): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return {
      title: undefined,
      items: [{ record: notARecord(said("itemNotJson", { why: String(e) })), index: 1, notes: [] }],
    };
  }
  const feed = (doc ?? {}) as Obj;
  const items = Array.isArray(feed["items"]) ? (feed["items"] as unknown[]) : [];
  const base = absolute(str(feed["feed_url"]) ?? str(feed["home_page_url"]), opts.feedUrl) ?? opts.feedUrl;
  const title = opts.feedTitle ?? plainTitle(str(feed["title"]));
  const titles = items.map((i) => str((i as Obj)?.["title"]) ?? "");
  const dayFirst = isArabicFeed(str(feed["language"]), titles);
  return {
    title,
    items: items.map((raw, n) => {
      const i = (raw !== null && typeof raw === "object" ? raw : {}) as Obj;
      const tags = Array.isArray(i["tags"]) ? (i["tags"] as unknown[]).map(str).filter(Boolean) : [];
      return itemRecord(
        {
          title: str(i["title"]),
          link: str(i["url"]) ?? str(i["external_url"]),
          id: str(i["id"]) ?? (typeof i["id"] === "number" ? String(i["id"]) : undefined),
          dates: [str(i["date_published"]), str(i["date_modified"])].filter((d): d is string => d !== undefined),
          author: authorOf(i),
          category: tags[0],
          content: str(i["content_html"]) ?? str(i["content_text"]),
          summary: str(i["summary"]),
        },
        n + 1,
        { ...(base !== undefined && { base }), ...(title !== undefined && { outlet: title }), dayFirst },
      );
    }),
  };
}
