import { failureText, noteText } from "../../i18n/index.js";
import { loadHasher } from "../../core/hash.js";
import { RasdError } from "../../core/errors.js";
import { pipelineFor } from "../../assemble/for-store.js";
import { enqueueIngest } from "../../queue/enqueue.js";
import { runWorker } from "../../queue/worker.js";
import type { Command, CommandContext } from "../command.js";
import { THREADS_OPTION, flag, stringOption, threadsOption } from "../command.js";
import { formatSeconds } from "../progress.js";
import { exitStatus } from "../status.js";

function needPg(ctx: CommandContext, what: string): string {
  const pg = ctx.globals.pg;
  if (pg === undefined) {
    throw new RasdError(
      "USAGE",
      `${what} needs PostgreSQL, where the job queue lives: pass --pg URL or set RASD_PG_URL`,
    );
  }
  return pg;
}

/** Stops gracefully on the first SIGINT/SIGTERM (the job in hand is finished); a second one exits at once. */
function stopOnSignals(ctx: CommandContext): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => {
    if (ac.signal.aborted) process.exit(130);
    ctx.out.note(noteText(ctx.out.lang, "workerSignal", { signal: sig }));
    ac.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    signal: ac.signal,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}

export const command: Command = {
  name: "worker",
  usage: "worker [--exit-when-idle]",
  summary: "take ingest jobs from the PostgreSQL queue",
  description: `Takes ingest jobs from the queue in PostgreSQL ('rasd ingest --pg URL --enqueue PATH…' fills it) and runs
each through the same pipeline as 'rasd ingest', one job (a batch of documents) per transaction. Start one worker per
core, on one machine or several, all with the same --pg. A worker killed at any moment leaves nothing half-written;
the other workers notice at once and its job is retried. Progress, one line per job, goes to stderr.

examples:
  rasd ingest --pg postgres://rasd@db/rasd --enqueue ~/scrapes/
  rasd worker --pg postgres://rasd@db/rasd &
  rasd worker --pg postgres://rasd@db/rasd --exit-when-idle`,
  options: {
    threads: THREADS_OPTION,
    "exit-when-idle": {
      type: "boolean",
      help: "stop once the queue is empty (nothing waiting, running or due for retry)",
    },
  },
  async run(ctx) {
    const pg = needPg(ctx, "rasd worker");
    const threads = threadsOption(ctx);
    await loadHasher();
    const store = await ctx.openStore();
    const stop = stopOnSignals(ctx);
    try {
      const report = await runWorker({
        store,
        pg,
        ...(await pipelineFor(store, { threads })),
        exitWhenIdle: flag(ctx, "exit-when-idle"),
        signal: stop.signal,
        onJob: (j) => ctx.out.note(noteText(ctx.out.lang, "workerJob", j)),
        onFailure: (f) => ctx.out.note(`rasd worker: ${failureText(ctx.out.lang, f)}`),
        onRecovered: (ids) => ctx.out.note(noteText(ctx.out.lang, "workerRecovered", { ids: ids.join(", ") })),
      });
      if (ctx.globals.json) ctx.out.jsonLine({ ...report, store: store.db.location });
      else {
        ctx.out.print(noteText(ctx.out.lang, "workerReport", { ...report, seconds: formatSeconds(report.seconds) }));
      }
      if (report.permanentlyFailed > 0) return 3;
      return exitStatus(report.stored + report.existing, report.failed);
    } finally {
      stop.dispose();
      await store.close();
    }
  },
};

/** `rasd ingest --pg URL --enqueue PATH…`: reads the inputs and queues them for workers instead of processing them. */
export async function runEnqueue(ctx: CommandContext): Promise<number> {
  const pg = needPg(ctx, "rasd ingest --enqueue");
  await loadHasher();
  const store = await ctx.openStore(); // migrates the store, so workers started later find the schema ready
  await store.close();
  const batch = stringOption(ctx, "batch-size");
  const report = await enqueueIngest({
    pg,
    paths: ctx.positionals,
    encoding: stringOption(ctx, "encoding"),
    ...(batch !== undefined ? { batchSize: Number(batch) } : {}),
    onFailure: (f) => ctx.out.note(`rasd: ${failureText(ctx.out.lang, f)}`),
    onSkip: (reason, ar) => ctx.out.note(`rasd: ${ctx.out.lang === "ar" ? ar : reason}`),
  });
  if (ctx.globals.json) ctx.out.jsonLine({ ...report, store: store.db.location });
  else {
    ctx.out.print(
      noteText(ctx.out.lang, "queueReport", {
        ...report,
        queued: report.documents - report.failed,
        seconds: formatSeconds(report.seconds),
      }),
    );
  }
  return exitStatus(report.documents - report.failed, report.failed);
}
