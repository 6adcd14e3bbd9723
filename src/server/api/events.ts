import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { LiveFeed, type LiveChange } from "../../desk/live.js";
import type { ServerOptions } from "../context.js";

/**
 * GET /api/events: Server-Sent Events for the live river and story pages. One `river` event per change:
 * `{articles, total, stories:[{id, title, articles}]}`, where `total` counts the articles stored since this
 * connection opened (the page's "N new articles"). A comment every 15 s keeps proxies from closing it.
 */
export function eventsApi(opts: ServerOptions): Hono {
  const api = new Hono();
  const feed = new LiveFeed(opts.store.db, opts.liveTickMs ?? 1000);
  api.get("/api/events", (c) =>
    streamSSE(c, async (stream) => {
      let total = 0;
      const queue: LiveChange[] = [];
      let wake: (() => void) | undefined;
      const listener = (ch: LiveChange) => {
        queue.push(ch);
        wake?.();
      };
      const seq = await feed.subscribe(listener);
      let open = true;
      stream.onAbort(() => {
        open = false;
        feed.unsubscribe(listener);
        wake?.();
      });
      await stream.writeSSE({ event: "hello", data: JSON.stringify({ seq }) });
      while (open) {
        if (queue.length === 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, 15_000);
          });
          wake = undefined;
          if (queue.length === 0 && open) await stream.write(": keep-alive\n\n");
          continue;
        }
        const ch = queue.shift()!;
        total += ch.articles;
        await stream.writeSSE({ event: "river", id: String(ch.seq), data: JSON.stringify({ ...ch, total }) });
      }
      feed.unsubscribe(listener);
    }),
  );
  return api;
}
