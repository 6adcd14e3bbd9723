import { noteText } from "../../i18n/index.js";
import { loadHasher } from "../../core/hash.js";
import { RasdError } from "../../core/errors.js";
import { replay } from "../../desk/replay.js";
import { pipelineFor } from "../../assemble/for-store.js";
import type { Command, CommandContext } from "../command.js";
import { THREADS_OPTION, stringOption, threadsOption } from "../command.js";

function speedOf(ctx: CommandContext): number {
  const v = stringOption(ctx, "speed") ?? "60";
  if (v === "max") return Infinity;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new RasdError("USAGE", `--speed must be a positive number (times real time) or "max"; got "${v}"`);
  return n;
}

function limitOf(ctx: CommandContext): number | undefined {
  const v = stringOption(ctx, "limit");
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new RasdError("USAGE", `--limit must be a whole number from 1; got "${v}"`);
  return n;
}

export const command: Command = {
  name: "replay",
  usage: "replay FILE… [--speed N|max] [--limit N]",
  summary: "feed a recorded stream into the store (or a running server's) in publication order",
  description: `Replays recorded articles (JSON Lines, optionally gzipped, or any input 'rasd ingest' reads) in the order
of their dates, N times faster than they happened, through the same storing path as the feed watcher. While
'rasd serve' holds the store, the replay goes through it: an open river shows stories forming. Stored once: a replay
run again adds nothing. Stop with Ctrl-C (what was stored stays).

examples:
  rasd replay ../shared/corpus/streams/saudinewsnet.jsonl.gz --speed 3600 --limit 2000
  rasd replay recording.jsonl.gz --speed max`,
  options: {
    threads: THREADS_OPTION,
    speed: { type: "string", value: "N", help: "times real time (default 60; max: as fast as the store takes them)" },
    limit: { type: "string", value: "N", help: "only the first N records of the recording" },
  },
  positionals: { name: "FILE…", min: 1 },
  async run(ctx) {
    const speed = speedOf(ctx);
    const limit = limitOf(ctx);
    const threads = threadsOption(ctx);
    await loadHasher();
    const store = await ctx.openStore();
    const ac = new AbortController();
    const stop = () => ac.abort();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    try {
      const report = await replay(store, ctx.positionals, await pipelineFor(store, { threads }), {
        speed,
        ...(limit !== undefined ? { limit } : {}),
        signal: ac.signal,
        onBatch: (r) => {
          if (!ctx.globals.json)
            ctx.out.note(
              noteText(ctx.out.lang, "replayProgress", {
                done: r.stored + r.existing + r.failed,
                records: r.records,
                reached: r.reached ?? undefined,
              }),
            );
        },
      });
      if (ctx.globals.json) ctx.out.jsonLine(report);
      else ctx.out.print(noteText(ctx.out.lang, "replayReport", report));
      return report.failed > 0 || report.unreadable > 0 ? (report.stored + report.existing > 0 ? 3 : 1) : 0;
    } finally {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      await store.close();
    }
  },
};
