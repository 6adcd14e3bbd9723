/**
 * ../shared/corpus/feeds/rss-parser: real feeds with another reader's expected parse (rss-parser's test outputs).
 * Compares rasd's items with it field by field: links, titles, dates, text. Shared by the test and
 * scripts/feed-eval.ts.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeBytes } from "../../src/decode/decode.js";
import { decode } from "html-entities";
import type { ParsedFeed } from "../../src/source/feed.js";

export const FEEDS = "../shared/corpus/feeds/rss-parser";

export interface Expected {
  title?: string;
  link?: string;
  isoDate?: string;
  content?: string;
  contentSnippet?: string;
}

export interface Case {
  name: string;
  text: string;
  expected: Expected[] | null;
}

export function feedCases(): Case[] {
  if (!existsSync(join(FEEDS, "input"))) return [];
  return readdirSync(join(FEEDS, "input"))
    .sort()
    .map((file) => {
      const name = file.replace(/\.[a-z]+$/u, "");
      const bytes = readFileSync(join(FEEDS, "input", file));
      const exp = join(FEEDS, "expected", `${name}.json`);
      const expected = existsSync(exp)
        ? (((JSON.parse(readFileSync(exp, "utf8")) as { feed?: { items?: Expected[] } }).feed?.items ??
            []) as Expected[])
        : null;
      return { name, text: decodeBytes(bytes, file).text, expected };
    });
}

/** Plain words of an HTML fragment, for comparing texts whatever their markup. */
export function words(html: string | undefined): string {
  return decode((html ?? "").replace(/<[^>]*>/gu, " "))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .toLowerCase();
}

export interface Field {
  feed: string;
  item: number;
  field: "count" | "link" | "title" | "date" | "text";
  expected: string;
  got: string;
  /** Why the expected parse is wrong here, when it is; undefined for a real disagreement. */
  expectedWrong?: string;
}

/**
 * Where the expected parse (rss-parser's, built on xml2js) is wrong, each with the reason; a disagreement matching
 * none of these is rasd's.
 */
const EXPECTED_WRONG: ReadonlyArray<{ reason: string; applies(f: Field, e: Expected, c: Case): boolean }> = [
  {
    reason: "the feed is ISO-8859-1 and the expected parse read it as UTF-8 (U+FFFD where letters were)",
    applies: (f, e) =>
      (f.field === "title" || f.field === "text") &&
      /\uFFFD/u.test(`${e.title ?? ""}${e.content ?? ""}${e.contentSnippet ?? ""}`),
  },
  {
    reason: "the expected title keeps HTML entities and tags undecoded (&#x0024;, <sup>)",
    applies: (f) => f.field === "title" && plain(f.expected) === f.got,
  },
  {
    reason: "the expected link is left relative; rasd resolves it against xml:base / the feed's link",
    applies: (f) => f.field === "link" && f.expected.startsWith("/") && f.got.endsWith(f.expected),
  },
  {
    reason: "the same URL written with and without its trailing slash",
    applies: (f) => f.field === "link" && f.expected !== "" && new URL(f.expected).href === f.got,
  },
  {
    reason: "the expected parse puts content:encoded in another field and leaves `content` empty",
    applies: (f, e) => f.field === "text" && words((e as Record<string, string>)["content:encoded"]) === f.got,
  },
  {
    reason: 'xml2js moves text before the elements in mixed content ("submitted byto<a>…") and drops some',
    applies: (f, e, c) => f.field === "text" && c.name.startsWith("reddit") && within(f.expected, f.got),
  },
  {
    reason: 'the expected parse was made with custom xml2js options (empty elements as the word "empty")',
    applies: (f, e, c) => c.name === "xml2js-options",
  },
];

function plain(s: string): string {
  return s
    .replace(/<[^>]*>/gu, "")
    .replace(/&#x([0-9a-f]+);/giu, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/gu, "&");
}

/** Whether every letter of `a` is in `b` (as a multiset): the same words, some reordered or dropped. */
function within(a: string, b: string): boolean {
  const count = new Map<string, number>();
  for (const ch of b.replace(/\s+/gu, "")) count.set(ch, (count.get(ch) ?? 0) + 1);
  for (const ch of a.replace(/\s+/gu, "")) {
    const n = count.get(ch) ?? 0;
    if (n === 0) return false;
    count.set(ch, n - 1);
  }
  return true;
}

/** Every disagreement between rasd's parse and the expected one, with the reason when the expected one is wrong. */
export function compare(c: Case, parsed: ParsedFeed): Field[] {
  const out: Field[] = [];
  const exp = c.expected ?? [];
  if (parsed.items.length !== exp.length)
    out.push({ feed: c.name, item: 0, field: "count", expected: String(exp.length), got: String(parsed.items.length) });
  exp.forEach((e, i) => {
    const it = parsed.items[i];
    const rec = it && !("error" in it.record) ? it.record : undefined;
    const add = (field: Field["field"], expected: string, got: string) => {
      if (expected === got) return;
      const f: Field = { feed: c.name, item: i + 1, field, expected, got };
      const why = EXPECTED_WRONG.find((w) => w.applies(f, e, c))?.reason;
      if (why !== undefined) f.expectedWrong = why;
      out.push(f);
    };
    add("link", e.link?.trim() ?? "", rec?.meta.url ?? "");
    add("title", (e.title ?? "").replace(/\s+/gu, " ").trim(), rec?.meta.title ?? "");
    const got = rec?.meta.published;
    const t = got === undefined ? NaN : Date.parse(got);
    add("date", e.isoDate ?? "", Number.isFinite(t) ? new Date(t).toISOString() : (got ?? ""));
    const want = words(e.content ?? e.contentSnippet);
    const have = words(rec?.text);
    if (!(want !== "" && have.includes(want))) add("text", want, have);
  });
  return out;
}
