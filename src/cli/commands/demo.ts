import { noteText } from "../../i18n/index.js";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { loadHasher } from "../../core/hash.js";
import { projectRoot } from "../../core/paths.js";
import { pipelineFor } from "../../assemble/for-store.js";
import { ingest } from "../../pipeline/ingest.js";
import { countArticles } from "../../store/articles.js";
import type { Command } from "../command.js";
import { flag } from "../command.js";
import { ProgressBar } from "../progress.js";
import { serveOptions, serveStore } from "./serve.js";

export const command: Command = {
  name: "demo",
  usage: "demo [--port 8080] [--host 127.0.0.1] [--no-serve]",
  summary: "ingest the bundled (invented) sample corpus and serve the web UI on it",
  description: `Ingests sample/ (32 invented Arabic news pages in every input format; see sample/README.md) into the
store, then serves the web UI and prints its address. Ingesting again adds nothing. Without $RASD_TOKEN, a
random write token for this session is printed (the ingest page asks for it). Stop with Ctrl-C.`,
  options: {
    ...serveOptions,
    "no-serve": { type: "boolean", help: "only ingest the sample, do not start the server" },
  },
  async run(ctx) {
    await loadHasher();
    const sample = join(projectRoot(), "sample");
    const store = await ctx.openStore();
    const bar = new ProgressBar(ctx.out.stderr, ctx.out.interactive, noteText(ctx.out.lang, "barSample"), ctx.out.lang);
    try {
      const report = await ingest(store, {
        paths: [sample],
        ...(await pipelineFor(store)),
        onProgress: (p) => bar.update(p.fraction, noteText(ctx.out.lang, "barSampleCounts", p)),
      });
      bar.done();
      ctx.out.note(
        noteText(ctx.out.lang, "demoIngested", {
          sample,
          stored: report.stored,
          existing: report.existing,
          failed: report.failed,
        }),
      );
      const count = await countArticles(store.db);
      ctx.out.note(noteText(ctx.out.lang, "demoStored", { count, location: store.db.location }));
      if (flag(ctx, "no-serve")) return report.failed > 0 ? 3 : 0;
      // The demo's ingest page works out of the box: without RASD_TOKEN, a random token for this session only.
      return await serveStore(ctx, store, { sessionToken: randomBytes(12).toString("hex") });
    } finally {
      bar.done();
      await store.close();
    }
  },
};
