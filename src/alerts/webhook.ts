import { createHmac } from "node:crypto";
import type { Sql } from "../store/sql.js";
import { ALERT_SELECT, alertFromRow, alertKey, type Alert } from "./read.js";

/** The signature header: `sha256=` and the hex HMAC-SHA256 of the exact body under the watchlist's secret. */
export function sign(secret: string, body: string): string {
  return "sha256=" + createHmac("sha256", secret).update(body).digest("hex");
}

/** Seconds before the n-th retry: 2, 4, 8… up to an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 1000 * 2 ** Math.min(attempts, 22));
}

export interface Deliverer {
  stop(): Promise<void>;
}

type Due = Parameters<typeof alertFromRow>[0] & { webhook: string; secret: string | null; attempts: number };

/**
 * Sends alerts to their watchlist's webhook, apart from ingest: ingest only writes the alert row (in its own
 * transaction); this loop reads the rows not yet delivered and POSTs each as JSON, signed (X-Rasd-Signature), with
 * the alert's id (X-Rasd-Alert, alertKey) so that a receiver can drop a repeat. A failure (network, timeout, non-2xx) is
 * retried later and later; a slow or dead receiver delays only its own alerts, never ingest.
 */
export function startDeliverer(
  db: Sql,
  opts: { tickMs?: number; timeoutMs?: number; onError?: (m: string) => void; base?: string } = {},
): Deliverer {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    const due = await db.query<Due>(
      `${ALERT_SELECT.replace("SELECT ", "SELECT w.webhook, w.secret, al.attempts, ")}
       WHERE al.delivered_ms IS NULL AND w.webhook IS NOT NULL AND al.next_try_ms <= $1
       ORDER BY al.seq LIMIT 20`,
      [Date.now()],
    );
    for (const r of due) {
      if (stopped) return;
      const alert: Alert = alertFromRow(r);
      const body = JSON.stringify({
        ...alert,
        link: opts.base ? new URL(alert.link, opts.base).toString() : alert.link,
      });
      let error: string | null = null;
      try {
        const res = await fetch(r.webhook, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-rasd-alert": alertKey(alert),
            "x-rasd-signature": sign(r.secret ?? "", body),
          },
          body,
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (!res.ok) error = `HTTP ${res.status}`;
      } catch (e) {
        error = (e as Error).message;
      }
      if (error === null) {
        await db.query(
          "UPDATE desk_alerts SET delivered_ms = $4, last_error = NULL WHERE watchlist_id = $1 AND story_id = $2 AND new_outlet = $3",
          [alert.watchlist.id, alert.story.id, r.new_outlet, Date.now()],
        );
      } else {
        const attempts = Number(r.attempts) + 1;
        await db.query(
          "UPDATE desk_alerts SET attempts = $4, next_try_ms = $5, last_error = $6 WHERE watchlist_id = $1 AND story_id = $2 AND new_outlet = $3",
          [alert.watchlist.id, alert.story.id, r.new_outlet, attempts, Date.now() + retryDelayMs(attempts), error],
        );
      }
    }
  };
  const schedule = () => {
    timer = setTimeout(() => {
      running = tick()
        .catch((e: unknown) => opts.onError?.(`rasd serve: webhooks: ${(e as Error).message}`))
        .finally(() => {
          if (!stopped) schedule();
        });
    }, opts.tickMs ?? 1000);
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
