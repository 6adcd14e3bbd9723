import { loadHasher } from "../../core/hash.js";
import { corpusPath, projectRoot } from "../../core/paths.js";
import { defaultHooks } from "../../pipeline/default-hooks.js";
import { ingest } from "../../pipeline/ingest.js";
import { createStages } from "../../pipeline/stages.js";
import { countArticles } from "../../store/articles.js";
import type { Command } from "../command.js";
import { ProgressBar } from "../progress.js";
import { join } from "node:path";

void corpusPath;

export const command: Command = {
  name: "demo",
  usage: "demo",
  summary: "ingest the bundled (invented) sample corpus into the store and show what rasd made of it",
  options: {},
  async run(ctx) {
    await loadHasher();
    const sample = join(projectRoot(), "sample");
    const store = await ctx.openStore();
    const bar = new ProgressBar(ctx.out.stderr, ctx.out.interactive, "sample");
    try {
      const report = await ingest(store, {
        paths: [sample],
        stages: createStages(),
        hooks: await defaultHooks(store),
        onProgress: (p) => bar.update(p.fraction, `${p.stored} stored`),
      });
      bar.done();
      ctx.out.note(`ingested the sample corpus (${sample}): ${report.stored} new, ${report.existing} already stored, ${report.failed} failed`);
      ctx.out.print(`${await countArticles(store.db)} articles stored in ${store.db.location}`);
    } finally {
      await store.close();
    }
    return 0;
  },
};
