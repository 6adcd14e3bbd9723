import { RasdError } from "../../core/errors.js";
import { csvHeader, csvRow } from "../../export/csv.js";
import { iterateArticles } from "../../store/articles.js";
import type { Store } from "../../store/store.js";
import type { Command } from "../command.js";
import { stringOption } from "../command.js";

export const command: Command = {
  name: "export",
  usage: "export [--format jsonl|csv]",
  readsOnly: true,
  summary: "every stored article, for other tools",
  description: `Writes every stored article to stdout in ingest order: JSON Lines (the Article shape plus its story
and topic ids) or CSV for spreadsheets (a byte-order mark so that Excel reads the Arabic, CRLF line ends; one row per
article: id, title, outlet name and key, date and where it comes from, story, topic, entities, URL, path, text).
Streams page by page, so any store size works.`,
  options: { format: { type: "string", value: "FMT", help: "jsonl (default) or csv" } },
  async run(ctx) {
    const format = stringOption(ctx, "format") ?? "jsonl";
    if (format !== "jsonl" && format !== "csv") {
      throw new RasdError("USAGE", `unknown export format "${format}"; use jsonl or csv`);
    }
    const store = await ctx.openStore();
    try {
      if (format === "csv") ctx.out.stdout.write(csvHeader());
      for await (const { article: a, story, topic } of iterateWithStories(store)) {
        if (format === "jsonl") {
          ctx.out.jsonLine({ ...a, story, topic });
        } else {
          ctx.out.stdout.write(csvRow({ article: a, story, topic }));
        }
      }
    } finally {
      await store.close();
    }
    return 0;
  },
};

/** Articles with their story and topic ids (null until the clustering has assigned them). */
async function* iterateWithStories(store: Store) {
  for await (const s of iterateArticles(store.db)) {
    yield { article: s.article, story: s.story, topic: s.topic };
  }
}
