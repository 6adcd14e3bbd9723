import { noteText } from "../../i18n/index.js";
import { readFileSync } from "node:fs";
import { loadHasher } from "../../core/hash.js";
import { startDeliverer } from "../../alerts/webhook.js";
import { startDeskPoller } from "../../desk/poller.js";
import { addSource, watchArgument } from "../../desk/sources.js";
import { pipelineFor } from "../../assemble/for-store.js";
import type { Store } from "../../store/store.js";
import type { CommandContext } from "../command.js";

/** `--watch` values, as given (repeatable option). */
function watchValues(ctx: CommandContext): string[] {
  const v = ctx.values["watch"];
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
}

/**
 * The desk inside `rasd serve`: the `--watch` feeds become sources (kept in the store), and the poller follows
 * every source, including those added later from the page, the API or another terminal.
 */
export async function startDesk(ctx: CommandContext, store: Store): Promise<{ poke(): void; stop(): Promise<void> }> {
  const urls = watchValues(ctx).flatMap((a) => watchArgument(a, (p) => readFileSync(p, "utf8")));
  for (const url of urls) await addSource(store.db, url);
  if (urls.length > 0) ctx.out.note(noteText(ctx.out.lang, "serveFollowing", { count: urls.length }));
  const deliverer = startDeliverer(store.db, { onError: (m) => ctx.out.note(m) });
  const poller = startDeskPoller(
    store,
    async () => {
      await loadHasher();
      return pipelineFor(store);
    },
    {
      onPoll: (r) => {
        if (r.outcome === "error")
          ctx.out.note(
            noteText(ctx.out.lang, "serveFeedError", { url: r.url, error: String(r.error), errorAr: r.errorAr }),
          );
      },
      onError: (m) => ctx.out.note(m),
    },
  );
  return {
    poke: () => poller.poke(),
    async stop() {
      await poller.stop();
      await deliverer.stop();
    },
  };
}
