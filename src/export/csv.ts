import type { Article } from "../core/types.js";
import { outletName } from "../i18n/outlets.js";

/**
 * Articles as a table for spreadsheets. Excel needs three things to open Arabic CSV as it is: a UTF-8 byte-order
 * mark first (without it, it reads the bytes as windows-1252 and shows mojibake), CRLF line ends, and quoted cells
 * for anything holding a comma, a quote or a line break (article text does). RFC 4180.
 */
export const BOM = "\uFEFF";
export const CRLF = "\r\n";

export const CSV_COLUMNS = [
  "id",
  "title",
  "outlet",
  "outlet_key",
  "published",
  "published_source",
  "story",
  "topic",
  "entities",
  "url",
  "path",
  "attribution",
  "lang",
  "text",
] as const;

export interface ExportRow {
  article: Article;
  story: string | null;
  topic: string | null;
}

/** One cell: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n\r]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(",") + CRLF;
}

/** The header line, with the byte-order mark in front: the first thing a CSV export writes. */
export function csvHeader(): string {
  return BOM + csvLine(CSV_COLUMNS);
}

/** An article's row, in CSV_COLUMNS order: the date with where it comes from, the outlet's name, its entities. */
export function csvRow({ article: a, story, topic }: ExportRow): string {
  const outlet = a.publisher.name;
  return csvLine([
    a.id,
    a.title,
    outlet === null ? "" : outletName(outlet),
    outlet ?? "",
    a.published.date ?? "",
    a.published.date === null ? "" : (a.published.source ?? ""),
    story ?? "",
    topic ?? "",
    [...new Set(a.entities.map((e) => e.name))].join("؛ "),
    a.source.url ?? "",
    a.source.path,
    a.attribution ?? "",
    a.lang,
    a.text,
  ]);
}
