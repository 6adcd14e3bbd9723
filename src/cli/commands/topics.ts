import { countText, isolateRuns, noteText } from "../../i18n/index.js";
import { listTopics, type StoryRef } from "../../store/read/index.js";
import type { Command } from "../command.js";
import { limitOption } from "./stories.js";

export const command: Command = {
  name: "topics",
  usage: "topics [--limit N]",
  readsOnly: true,
  summary: "list the stored topics with their stories",
  description: `Lists the topics (stories threaded over weeks and months), the most recently active first, each with its
span, its size and its largest stories.

examples:
  rasd topics
  rasd topics --json --limit 100`,
  options: {
    limit: { type: "string", value: "N", help: "how many to show (default 20, 1–10000)" },
  },
  async run(ctx) {
    const limit = limitOption(ctx);
    const store = await ctx.openStore();
    try {
      const rows = (await listTopics(store.db, { limit })).map((r) => ({
        id: r.id,
        label: r.label,
        firstDate: r.firstDate,
        lastDate: r.lastDate,
        stories: r.stories.length,
        articles: r.articles,
        top: largest(r.stories),
      }));
      if (ctx.globals.json) {
        for (const r of rows) ctx.out.jsonLine(r);
      } else if (rows.length === 0) {
        ctx.out.note(noteText(ctx.out.lang, "topicsEmpty"));
      } else {
        for (const r of rows) {
          const lang = ctx.out.lang;
          ctx.out.print(
            `${r.id}  ${r.firstDate ?? "?"}…${r.lastDate ?? "?"}  ${countText(lang, "stories", r.stories)}, ${countText(lang, "articles", r.articles)}  ${isolateRuns(r.label)}`,
          );
          for (const s of r.top)
            ctx.out.print(`    ${s.id}  ${countText(lang, "articles", s.articles)}  ${isolateRuns(s.title)}`);
        }
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};

/** A topic's largest stories, biggest first (at most 5), as the list shows them. */
function largest(stories: readonly StoryRef[]): { id: string; title: string; articles: number }[] {
  return [...stories]
    .sort((a, b) => b.articles - a.articles || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, 5)
    .map((s) => ({ id: s.id, title: s.title, articles: s.articles }));
}
