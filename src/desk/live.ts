import type { Sql } from "../store/sql.js";

/** What changed in the store since the previous tick: the articles stored and the stories they went into. */
export interface LiveChange {
  /** Highest `articles.ingested_seq` seen. */
  seq: number;
  /** Articles stored in this change (from any process: they all write through the holder, or to PostgreSQL). */
  articles: number;
  stories: { id: string; title: string; articles: number }[];
}

export type Listener = (c: LiveChange) => void;

/**
 * One watcher of the store for every open page: while anyone listens, it looks once a tick for articles past the
 * last sequence number it saw (an index range on `ingested_seq`), and tells every listener what arrived and which
 * stories grew. N open rivers cost one small query a tick, not N.
 */
export class LiveFeed {
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private seq: number | undefined;
  private busy = false;

  constructor(
    private readonly db: Sql,
    private readonly tickMs = 1000,
  ) {}

  /** Starts listening; returns the current sequence number (the listener hears what comes after it). */
  async subscribe(l: Listener): Promise<number> {
    if (this.seq === undefined) this.seq = await maxSeq(this.db);
    this.listeners.add(l);
    this.timer ??= setInterval(() => void this.tick(), this.tickMs);
    return this.seq;
  }

  unsubscribe(l: Listener): void {
    this.listeners.delete(l);
    if (this.listeners.size === 0) this.stop();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    if (this.busy || this.seq === undefined) return;
    this.busy = true;
    try {
      const from = this.seq;
      const rows = await this.db.query<{ seq: number; story_id: string | null }>(
        "SELECT ingested_seq AS seq, story_id FROM articles WHERE ingested_seq > $1 ORDER BY ingested_seq LIMIT 10000",
        [from],
      );
      if (rows.length === 0) return;
      const ids = [...new Set(rows.map((r) => r.story_id).filter((s): s is string => s !== null))];
      const stories = ids.length
        ? await this.db.query<{ id: string; title: string; articles: number }>(
            "SELECT id, title, article_count AS articles FROM stories WHERE id = ANY($1::text[])",
            [ids],
          )
        : [];
      this.seq = Number(rows[rows.length - 1]!.seq);
      const change: LiveChange = {
        seq: this.seq,
        articles: rows.length,
        stories: stories.map((s) => ({ id: s.id, title: s.title, articles: Number(s.articles) })),
      };
      for (const l of this.listeners) l(change);
    } catch {
      // The store is busy or closing: the next tick looks again from the same place.
    } finally {
      this.busy = false;
    }
  }
}

async function maxSeq(db: Sql): Promise<number> {
  const [r] = await db.query<{ n: number | null }>("SELECT max(ingested_seq) AS n FROM articles");
  return Number(r?.n ?? 0);
}
