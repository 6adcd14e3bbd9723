import { RasdError } from "../core/errors.js";
import type { Article, Story } from "../core/types.js";
import type { Sql } from "../store/sql.js";
import { summarizeStory, type SummarizeOptions } from "./story.js";

/**
 * A stored story (the clustering's `articles.story_id`), summarised from its articles with the store's own copy
 * links (`articles.duplicate_of`). Throws NOT_FOUND when no article carries that story id.
 */
export async function storedStory(sql: Sql, id: string, opts: Pick<SummarizeOptions, "words"> = {}): Promise<Story> {
  const rows = await sql.query<{ doc: Article; duplicate_of: string | null }>(
    "SELECT doc, duplicate_of FROM articles WHERE story_id = $1 ORDER BY ingested_seq",
    [id],
  );
  if (rows.length === 0) {
    throw new RasdError("NOT_FOUND", `no story "${id}" in the store; 'rasd stories' lists the stored stories`, {
      input: id,
    });
  }
  const duplicateOf = new Map(rows.map((r) => [r.doc.id, r.duplicate_of]));
  return summarizeStory(
    rows.map((r) => r.doc),
    { ...opts, id, duplicateOf },
  );
}
