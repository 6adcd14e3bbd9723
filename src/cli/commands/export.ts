import { RasdError } from "../../core/errors.js";
import { iterateArticles } from "../../store/articles.js";
import type { Store } from "../../store/store.js";
import type { Command } from "../command.js";
import { stringOption } from "../command.js";

const CSV_COLUMNS = [
  "id",
  "path",
  "url",
  "title",
  "publisher",
  "attribution",
  "published",
  "lang",
  "story",
  "topic",
  "text",
] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const command: Command = {
  name: "export",
  usage: "export [--format jsonl|csv]",
  summary: "every stored article, for other tools",
  description: `Writes every stored article to stdout in ingest order: JSON Lines (the Article shape plus its story
and topic ids) or CSV (one row per article, main fields). Streams page by page, so any store size works.`,
  options: { format: { type: "string", value: "FMT", help: "jsonl (default) or csv" } },
  async run(ctx) {
    const format = stringOption(ctx, "format") ?? "jsonl";
    if (format !== "jsonl" && format !== "csv") {
      throw new RasdError("USAGE", `unknown export format "${format}"; use jsonl or csv`);
    }
    const store = await ctx.openStore();
    try {
      if (format === "csv") ctx.out.print(CSV_COLUMNS.join(","));
      for await (const { article: a, story, topic } of iterateWithStories(store)) {
        if (format === "jsonl") {
          ctx.out.jsonLine({ ...a, story, topic });
        } else {
          const row = [
            a.id,
            a.source.path,
            a.source.url ?? "",
            a.title,
            a.publisher.name ?? "",
            a.attribution ?? "",
            a.published.date ?? "",
            a.lang,
            story ?? "",
            topic ?? "",
            a.text,
          ];
          ctx.out.print(row.map(csvCell).join(","));
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
