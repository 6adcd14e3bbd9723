import { entityIdsFor } from "../annotate/entities/persist.js";
import type { Sql } from "../store/sql.js";
import { dayNumber } from "./indexer.js";

/** The docs (ingest sequence numbers) that mention one entity, with how often, and their publication day. */
export interface EntityPostings {
  id: string;
  df: number;
  docs: { doc: number; mentions: number; day: number }[];
}

/**
 * Entity-aware recall: for each entity the query names (by any of its names), the articles that mention it under
 * any name. Searching داعش then finds the pages that only say تنظيم الدولة, because the registry linked both names
 * to one entity at ingest. Each entity acts as one more query term whose postings are its mentions.
 */
export async function entityPostings(sql: Sql, query: string): Promise<EntityPostings[]> {
  const ids = await entityIdsFor(sql, query);
  if (ids.length === 0) return [];
  const rows = await sql.query<{ id: string; doc: number; mentions: number; published: string | null }>(
    `SELECT ae.entity_id AS id, a.ingested_seq::int AS doc, ae.mentions, a.published
       FROM article_entities ae JOIN articles a ON a.id = ae.article_id
      WHERE ae.entity_id = ANY($1::text[])
      ORDER BY ae.entity_id, a.ingested_seq`,
    [ids],
  );
  const byId = new Map<string, EntityPostings>();
  for (const r of rows) {
    let e = byId.get(r.id);
    if (e === undefined) byId.set(r.id, (e = { id: r.id, df: 0, docs: [] }));
    e.docs.push({ doc: Number(r.doc), mentions: Number(r.mentions), day: dayNumber(r.published) });
    e.df++;
  }
  return [...byId.values()];
}
