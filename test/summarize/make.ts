import { emptyArticle } from "../../src/core/stage.js";
import type { Article, DateRef, Figure } from "../../src/core/types.js";

/** An invented article for unit tests: title + paragraphs, one per line, as the extractor writes `text`. */
export function article(
  id: string,
  title: string,
  paragraphs: readonly string[],
  published: string | null = null,
): Article {
  const a = emptyArticle({ path: `${id}.txt` });
  a.id = id;
  a.lang = "ar";
  a.title = title;
  a.text = [title, ...paragraphs].join("\n");
  a.blocks = [
    { role: "title", text: title, lang: "ar" },
    ...paragraphs.map((p) => ({ role: "body" as const, text: p, lang: "ar" })),
  ];
  a.published = {
    date: published,
    precision: published ? "day" : null,
    candidates: published ? [published] : [],
    evidence: "test",
  };
  return a;
}

/** A figure annotation on the first occurrence of `surface` in the article's text. */
export function figure(a: Article, surface: string, value: number, unit: string, extra: Partial<Figure> = {}): Figure {
  const start = a.text.indexOf(surface);
  if (start < 0) throw new Error(`no "${surface}" in ${a.id}`);
  const f: Figure = { text: surface, value, unit, start, end: start + surface.length, ...extra };
  a.figures.push(f);
  return f;
}

/** A date annotation on the first occurrence of `surface`. */
export function date(a: Article, surface: string, value: string): DateRef {
  const start = a.text.indexOf(surface);
  if (start < 0) throw new Error(`no "${surface}" in ${a.id}`);
  const d: DateRef = { text: surface, value, start, end: start + surface.length, precision: "day" };
  a.dates.push(d);
  return d;
}
