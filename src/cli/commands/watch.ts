import { noteText, type PollNote } from "../../i18n/index.js";
import { loadHasher } from "../../core/hash.js";
import { RasdError } from "../../core/errors.js";
import { pipelineFor } from "../../assemble/for-store.js";
import type { PollReport } from "../../watch/poll.js";
import { checkFeedUrls, watchFeeds } from "../../watch/watcher.js";
import type { Command, CommandContext } from "../command.js";
import { THREADS_OPTION, flag, stringOption, threadsOption } from "../command.js";
import { formatSeconds } from "../progress.js";

function seconds(ctx: CommandContext, name: string, dflt: number, min: number): number {
  const v = stringOption(ctx, name);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min)
    throw new RasdError("USAGE", `--${name} must be a number of seconds, at least ${min}; got "${v}"`);
  return n;
}

/** A poll's report as the parameters of its note (i18n/notes.ts words it in either language). */
function describe(r: PollReport): PollNote {
  return {
    url: r.url,
    error: r.error,
    errorAr: r.errorAr,
    failuresInARow: r.failuresInARow,
    next: new Date(r.nextPollMs).toISOString().slice(11, 19),
    outcome: r.outcome,
    items: r.items,
    new: r.new,
    stored: r.stored,
    existing: r.existing,
    pages: r.pages,
    deferred: r.deferred,
    failed: r.failures.length,
    broken: r.broken,
    brokenNotes: r.notes.slice(0, 3).join("; "),
    brokenNotesAr: r.notesAr.slice(0, 3).join("؛ "),
  };
}

export const command: Command = {
  name: "watch",
  usage: "watch URL… [--interval S] [--once]",
  summary: "poll news feeds politely and ingest new items",
  description: `Polls RSS/Atom feeds and ingests new items through the same pipeline as 'rasd ingest'. Polite: a
conditional GET (ETag / Last-Modified) so an unchanged feed costs one small request; each feed on its own schedule;
a failing feed is retried later and later (doubling up to 6 hours, or as Retry-After says) without holding up the
others. An item that carries only a summary has its linked page fetched. What was seen, the validators and the
schedule are kept in the store: stop and restart at will, nothing is ingested twice or missed.
One line per poll on stderr (with --json: one JSON object per poll on stdout). Stop with Ctrl-C.

examples:
  rasd watch https://www.example.com/rss.xml https://news.example.org/atom
  rasd watch --once --json https://www.example.com/rss.xml      # poll once (from cron)`,
  options: {
    threads: THREADS_OPTION,
    interval: {
      type: "string",
      value: "S",
      help: "seconds between polls of a healthy feed (default 300, at least 0.05)",
    },
    once: { type: "boolean", help: "poll every feed once now, then exit" },
    timeout: { type: "string", value: "S", help: "give up on a feed or page after S seconds (default 30)" },
  },
  positionals: { name: "URL…", min: 1 },
  async run(ctx) {
    checkFeedUrls(ctx.positionals);
    const intervalS = seconds(ctx, "interval", 300, 0.05);
    const timeoutMs = seconds(ctx, "timeout", 30, 0.1) * 1000;
    const threads = threadsOption(ctx);
    await loadHasher();
    const store = await ctx.openStore();
    const ac = new AbortController();
    const onSignal = () => {
      if (ac.signal.aborted) process.exit(130);
      ctx.out.note(noteText(ctx.out.lang, "watchStopping"));
      ac.abort();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    try {
      const report = await watchFeeds(store, {
        urls: ctx.positionals,
        intervalS,
        timeoutMs,
        once: flag(ctx, "once"),
        signal: ac.signal,
        ...(await pipelineFor(store, { threads })),
        onPoll: (r) =>
          ctx.globals.json ? ctx.out.jsonLine(r) : ctx.out.note(noteText(ctx.out.lang, "watchPoll", describe(r))),
      });
      if (!ctx.globals.json) {
        ctx.out.print(
          noteText(ctx.out.lang, "watchReport", {
            ...report,
            feeds: ctx.positionals.length,
            seconds: formatSeconds(report.seconds),
          }),
        );
      }
      return report.errors > 0 || report.failed > 0 ? (report.polls > report.errors ? 3 : 1) : 0;
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await store.close();
    }
  },
};
