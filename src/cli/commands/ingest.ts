import { failureText, noteText } from "../../i18n/index.js";
import { loadHasher } from "../../core/hash.js";
import { pipelineFor, type StorePipeline } from "../../assemble/for-store.js";
import { ingest, type IngestReport } from "../../pipeline/ingest.js";
import { type Command, ENCODING_OPTION, THREADS_OPTION, flag, stringOption, threadsOption } from "../command.js";
import { ProgressBar, formatSeconds } from "../progress.js";
import { exitStatus } from "../status.js";
import { runEnqueue } from "./worker.js";

export const command: Command = {
  name: "ingest",
  usage: "ingest PATH…",
  summary: "extract, annotate, deduplicate, cluster and store pages",
  description: `Reads pages (.txt, .html), article records (.json, .jsonl, optionally .gz, such as scraper output) and
feed files (.xml, .rss, .atom); folders recursively. Idempotent: a page already stored (same source, same content)
is skipped; the same text from another outlet or URL is stored as another article and linked as a copy.
A file that cannot be read is reported with the reason and the rest goes on.

examples:
  rasd ingest ~/scrapes/2016-02/
  rasd ingest --store /data/rasd feed.xml articles.jsonl.gz
  rasd ingest --pg postgres://rasd@db/rasd articles.jsonl`,
  options: {
    encoding: ENCODING_OPTION,
    threads: THREADS_OPTION,
    "batch-size": { type: "string", value: "N", help: "articles per transaction (default 100, 1–5000)" },
    verbose: { type: "boolean", help: "a line on stderr for every committed batch (for logs of long runs)" },
    enqueue: {
      type: "boolean",
      help: "with --pg: queue the inputs as jobs (one per batch) for 'rasd worker' instead of processing them here",
    },
  },
  positionals: { name: "PATH…", min: 1 },
  async run(ctx) {
    if (flag(ctx, "enqueue")) return runEnqueue(ctx);
    const threads = threadsOption(ctx);
    await loadHasher();
    const store = await ctx.openStore();
    const lang = ctx.out.lang;
    const bar = new ProgressBar(ctx.out.stderr, ctx.out.interactive, noteText(lang, "barIngest"), lang);
    let report: IngestReport;
    let pipeline: StorePipeline | undefined;
    try {
      pipeline = await pipelineFor(store, { threads });
      const batch = stringOption(ctx, "batch-size");
      report = await ingest(store, {
        paths: ctx.positionals,
        ...pipeline,
        encoding: stringOption(ctx, "encoding"),
        ...(batch !== undefined ? { batchSize: Number(batch) } : {}),
        onProgress: (p) => bar.update(p.fraction, noteText(lang, "barIngestCounts", p)),
        ...(flag(ctx, "verbose")
          ? {
              onCommit: (n: number, total: number) =>
                ctx.out.note(noteText(ctx.out.lang, "committed", { count: n, total })),
            }
          : {}),
        onSkip: (reason, ar) => {
          bar.done();
          ctx.out.note(`rasd: ${lang === "ar" ? ar : reason}`);
        },
        onFailure: (f) => {
          bar.done();
          ctx.out.note(`rasd: ${failureText(lang, f)}`);
        },
      });
    } finally {
      bar.done();
      await pipeline?.close();
      await store.close();
    }
    if (ctx.globals.json) {
      ctx.out.jsonLine({ ...report, store: store.db.location });
    } else {
      ctx.out.print(
        noteText(ctx.out.lang, "ingestReport", {
          ...report,
          seconds: formatSeconds(report.seconds),
          rate: report.seconds > 0 ? Math.round(report.documents / report.seconds) : undefined,
        }),
      );
    }
    return exitStatus(report.stored + report.existing, report.failed);
  },
};
