import { csvHeader, csvRow, type ExportRow } from "../../export/csv.js";
import { iterateArticles } from "../../store/articles.js";
import type { Sql } from "../../store/sql.js";
import { searchArticles } from "../data/index.js";
import type { ExportQuery } from "./schemas.js";

/** The articles to export: a search's hits (copies included) when there is a query, else every stored article. */
async function* rows(sql: Sql, q: ExportQuery): AsyncGenerator<ExportRow> {
  if (q.q === undefined) {
    for await (const s of iterateArticles(sql)) yield { article: s.article, story: s.story, topic: s.topic };
    return;
  }
  const result = await searchArticles(sql, {
    q: q.q,
    limit: q.limit,
    since: q.since,
    until: q.until,
    outlet: q.outlet,
    entity: q.entity,
  });
  const ids = result.hits.flatMap((h) => [h.id, ...h.copies]);
  const found = await sql.query<ExportRow & { id: string }>(
    `SELECT a.id, a.doc AS article, a.story_id AS story, s.topic_id AS topic
       FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE a.id = ANY($1::text[])`,
    [ids],
  );
  const byId = new Map(found.map((r) => [r.id, r]));
  for (const id of ids) {
    const r = byId.get(id);
    if (r !== undefined) yield { article: r.article, story: r.story, topic: r.topic };
  }
}

/**
 * Articles as CSV (for Excel: byte-order mark, CRLF) or JSON Lines (the Article shape plus story and topic), streamed
 * as a download. The search runs before the first byte is sent, so a bad query is still a JSON error.
 */
export async function exportResponse(sql: Sql, q: ExportQuery): Promise<Response> {
  const it = rows(sql, q);
  const first = await it.next();
  const encoder = new TextEncoder();
  const line = (r: ExportRow) =>
    q.format === "csv" ? csvRow(r) : JSON.stringify({ ...r.article, story: r.story, topic: r.topic }) + "\n";
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (q.format === "csv") controller.enqueue(encoder.encode(csvHeader()));
      if (first.done !== true) controller.enqueue(encoder.encode(line(first.value)));
    },
    async pull(controller) {
      const next = await it.next();
      if (next.done === true) controller.close();
      else controller.enqueue(encoder.encode(line(next.value)));
    },
  });
  const ext = q.format === "csv" ? "csv" : "jsonl";
  return new Response(body, {
    headers: {
      "content-type": q.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="rasd-articles.${ext}"`,
    },
  });
}
