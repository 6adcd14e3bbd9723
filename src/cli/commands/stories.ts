import { listStories } from "../../store/read/index.js";
import { RasdError } from "../../core/errors.js";
import { countText, isolateRuns, noteText, t } from "../../i18n/index.js";
import type { Command, CommandContext } from "../command.js";
import { stringOption } from "../command.js";

export const command: Command = {
  name: "stories",
  usage: "stories [--limit N] [--topic ID]",
  readsOnly: true,
  summary: "list the stored stories, newest first",
  description: `Lists the stories (events) in the store, the most recent first: id, dates, articles, outlets and copies.
'rasd story ID' shows one.

examples:
  rasd stories --limit 50
  rasd stories --json --topic t4d99084835d5e95f`,
  options: {
    limit: { type: "string", value: "N", help: "how many to show (default 20, 1–10000)" },
    topic: { type: "string", value: "ID", help: "only the stories of this topic" },
  },
  async run(ctx) {
    const limit = limitOption(ctx);
    const store = await ctx.openStore();
    try {
      const topic = stringOption(ctx, "topic");
      const rows = await listStories(store.db, { limit, topic });
      if (ctx.globals.json) {
        // The line keeps its published shape: the outlets as a count.
        for (const r of rows) ctx.out.jsonLine({ ...r, outlets: r.outlets.length });
      } else if (rows.length === 0) {
        ctx.out.note(noteText(ctx.out.lang, "storiesEmpty"));
      } else {
        for (const r of rows) {
          const lang = ctx.out.lang;
          const span =
            r.firstDate === r.lastDate
              ? (r.firstDate ?? t(lang, "undated"))
              : `${r.firstDate ?? "?"}…${r.lastDate ?? "?"}`;
          const copies = r.copies > 0 ? `, ${countText(lang, "copies", r.copies)}` : "";
          const counts = `${countText(lang, "articles", r.articles)}, ${countText(lang, "outlets", r.outlets.length)}${copies}`;
          ctx.out.print(`${r.id}  ${span}  ${counts}  ${isolateRuns(r.title)}`);
        }
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};

export function limitOption(ctx: CommandContext): number {
  const raw = stringOption(ctx, "limit");
  if (raw === undefined) return 20;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 10000) {
    throw new RasdError("USAGE", `--limit must be a whole number from 1 to 10000, not "${raw}"`);
  }
  return n;
}
