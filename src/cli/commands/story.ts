import { storedStory, storyMarkdown } from "../../summarize/index.js";
import type { Command } from "../command.js";
import { wordsOption } from "./summarize.js";

export const command: Command = {
  name: "story",
  usage: "story ID",
  readsOnly: true,
  summary: "one stored story: summary, timeline, sources, quotes, claims",
  description: `Prints a stored story (the articles 'rasd ingest' grouped under that id): a summary with citations,
the timeline, the sources with their copy links, key quotes and the figures the sources report. --json prints the
Story object of the contract. 'rasd stories' lists the ids.

examples:
  rasd story 3f2a9c0d1e4b5a67
  rasd story --json --words 100 3f2a9c0d1e4b5a67`,
  options: {
    words: { type: "string", value: "N", help: "summary length in words (default 250, 1–5000)" },
  },
  positionals: { name: "ID", min: 1 },
  async run(ctx) {
    const words = wordsOption(ctx);
    const id = ctx.positionals[0]!;
    const store = await ctx.openStore();
    try {
      const story = await storedStory(store.db, id, { words });
      if (ctx.globals.json) ctx.out.jsonLine(story);
      else ctx.out.print(storyMarkdown(story, ctx.out.lang));
      return 0;
    } finally {
      await store.close();
    }
  },
};
