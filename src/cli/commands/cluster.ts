import { readClusters } from "../../store/read/index.js";
import { loadHasher } from "../../core/hash.js";
import { defaultHooks } from "../../assemble/hooks.js";
import { ingest } from "../../pipeline/ingest.js";
import { createStages } from "../../assemble/stages.js";
import { Store } from "../../store/store.js";
import { type Command, ENCODING_OPTION, stringOption } from "../command.js";
import { exitStatus } from "../status.js";

export const command: Command = {
  name: "cluster",
  usage: "cluster PATH…",
  summary: "group pages into events and topics (in memory) and print them",
  description: `Ingests the inputs into a fresh in-memory store (extract, annotate, dedup, cluster: the same stages and
hooks as 'rasd ingest'), prints every event (story) with its articles and every topic with its events, and writes
nothing to disk. Articles are named by their path as given (records of a JSON Lines file as PATH:N).

examples:
  rasd cluster ../shared/corpus/seeds/*.txt
  rasd cluster --json scrapes/2016-02/`,
  options: {
    encoding: ENCODING_OPTION,
  },
  positionals: { name: "PATH…", min: 1 },
  async run(ctx) {
    await loadHasher();
    const store = await Store.open({ dir: "memory://" });
    try {
      const report = await ingest(store, {
        paths: ctx.positionals,
        stages: createStages(),
        hooks: await defaultHooks(store),
        encoding: stringOption(ctx, "encoding"),
        onSkip: (reason) => ctx.out.note(`rasd: ${reason}`),
        onFailure: (f) => ctx.out.note(`rasd: ${f.reason}`),
      });
      const clusters = await readClusters(store.db);
      if (ctx.globals.json) ctx.out.jsonLine(clusters);
      else {
        const title = new Map(clusters.events.map((e) => [e.id, e]));
        for (const t of clusters.topics) {
          ctx.out.print(`topic ${t.id}  ${t.label}`);
          for (const id of t.events) {
            const e = title.get(id)!;
            ctx.out.print(`  event ${e.id}  ${e.title}`);
            for (const p of e.articles) ctx.out.print(`    ${p}`);
          }
        }
      }
      return exitStatus(report.stored + report.existing, report.failed);
    } finally {
      await store.close();
    }
  },
};
