import { noteText, type Lang } from "../../i18n/index.js";
import { RasdError } from "../../core/errors.js";
import { addSource, listSources, pauseSource, removeSource, type Source } from "../../desk/sources.js";
import type { Command, CommandContext } from "../command.js";
import { stringOption } from "../command.js";

function when(ms: number | null): string | null {
  return ms === null || ms === 0 ? null : new Date(ms).toISOString().slice(0, 19).replace("T", " ") + " UTC";
}

/** One line of health, as the sources page shows it, in the command line's language. */
export function describeSource(s: Source, nowMs = Date.now(), lang: Lang = "en"): string {
  return noteText(lang, "sourceLine", {
    url: s.url,
    paused: s.paused,
    failures: s.failures,
    intervalS: s.intervalS,
    lastPoll: when(s.lastPolledMs),
    lastStatus: s.lastStatus,
    itemsToday: s.itemsToday,
    itemsTotal: s.itemsTotal,
    backoffUntil: s.failures > 0 && s.nextPollMs > nowMs ? when(s.nextPollMs) : null,
    lastError: s.lastError,
    lastErrorAr: s.lastErrorAr,
  });
}

function intervalOf(ctx: CommandContext): number | undefined {
  const v = stringOption(ctx, "interval");
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0.05)
    throw new RasdError("USAGE", `--interval must be a number of seconds, at least 0.05; got "${v}"`);
  return n;
}

const ACTIONS = ["add", "list", "pause", "resume", "remove"] as const;

export const command: Command = {
  name: "sources",
  usage: "sources add|list|pause|resume|remove [URL…] [--interval S]",
  summary: "the feeds the desk follows (polled inside 'rasd serve')",
  description: `Manages the feeds a desk follows. They are kept in the store: 'rasd serve' polls them (politely: conditional
GET, back-off on failure) and keeps polling them after a restart. Works while 'rasd serve' runs, from another
terminal. 'list' shows each feed's health: last poll, HTTP status, items today, last error, back-off.

examples:
  rasd sources add https://www.example.com/rss.xml --interval 120
  rasd sources list
  rasd sources pause https://www.example.com/rss.xml
  rasd sources remove https://www.example.com/rss.xml`,
  options: {
    interval: { type: "string", value: "S", help: "with add: seconds between polls (default 300, at least 0.05)" },
  },
  positionals: { name: "add|list|pause|resume|remove [URL…]", min: 1 },
  async run(ctx) {
    const [action, ...urls] = ctx.positionals;
    if (!ACTIONS.includes(action as (typeof ACTIONS)[number]))
      throw new RasdError("USAGE", `unknown action "${action}"; use one of ${ACTIONS.join(", ")}`);
    if (action !== "list" && urls.length === 0)
      throw new RasdError("USAGE", `'rasd sources ${action}' needs at least one feed URL`);
    const interval = intervalOf(ctx);
    const store = await ctx.openStore();
    try {
      if (action === "list") {
        const all = await listSources(store.db);
        if (ctx.globals.json) for (const s of all) ctx.out.jsonLine(s);
        else if (all.length === 0) ctx.out.note(noteText(ctx.out.lang, "sourcesEmpty"));
        else for (const s of all) ctx.out.print(describeSource(s, Date.now(), ctx.out.lang));
        return 0;
      }
      for (const url of urls) {
        if (action === "remove") {
          await removeSource(store.db, url);
          if (ctx.globals.json) ctx.out.jsonLine({ url, removed: true });
          else ctx.out.print(noteText(ctx.out.lang, "sourceRemoved", { url }));
          continue;
        }
        const s =
          action === "add"
            ? await addSource(store.db, url, interval)
            : await pauseSource(store.db, url, action === "pause");
        if (ctx.globals.json) ctx.out.jsonLine(s);
        else ctx.out.print(describeSource(s, Date.now(), ctx.out.lang));
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
