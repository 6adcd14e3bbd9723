import type { Command } from "../command.js";
import { stringOption } from "../command.js";
import { RasdError } from "../../core/errors.js";
import { countText, isolateRuns, noteText, outletName, t, type Lang } from "../../i18n/index.js";
import { search } from "../../search/search.js";
import type { SearchHit } from "../../search/search.js";

/**
 * `rasd search QUERY [--limit N] [--since DATE] [--until DATE] [--outlet NAME]`: ranked Arabic-aware search over the
 * stored articles. `--json` prints one object `{query, terms, total, hits}`; otherwise a readable list with the
 * matched words marked in each snippet: bold on a terminal, [like this] in a pipe (never «», which Arabic text uses
 * as quotation marks), numbers and Latin runs isolated (FSI…PDI) so they keep their place in Arabic lines.
 */
export const command: Command = {
  name: "search",
  readsOnly: true,
  summary: "ranked Arabic-aware search over stored articles",
  usage: "search QUERY [--limit N] [--since DATE] [--until DATE] [--outlet NAME]",
  description:
    "Searches the stored articles with rasd's Arabic analysis (the query is folded, stopwords dropped and stemmed\n" +
    "exactly like the articles were), ranked by BM25. Dates are YYYY-MM-DD, YYYY-MM or YYYY; an article without a\n" +
    "publication date is left out when a date filter is given.\n" +
    "Words in double quotes are a phrase: they must stand together, in that order. Identical copies of an article\n" +
    "are shown once, with their count. --outlet takes the outlet's name as shown (الشرق الأوسط) or its stored key.\n" +
    "Example: rasd search '\"وزير الدفاع\" الأميركي' --since 2016-01 --limit 5",
  options: {
    limit: { type: "string", value: "N", help: "how many hits (default 20, 1–1000)" },
    since: { type: "string", value: "DATE", help: "only articles published on or after DATE" },
    until: { type: "string", value: "DATE", help: "only articles published on or before DATE" },
    outlet: { type: "string", value: "NAME", help: "only articles of this outlet" },
  },
  positionals: { name: "QUERY", min: 1 },
  async run(ctx) {
    const query = ctx.positionals.join(" ");
    const limitText = stringOption(ctx, "limit");
    const limit = limitText === undefined ? 20 : Number(limitText);
    if (limitText !== undefined && !/^\d+$/u.test(limitText)) {
      throw new RasdError("USAGE", `search: --limit must be a whole number from 1 to 1000 (got "${limitText}")`, {
        input: limitText,
      });
    }
    const store = await ctx.openStore();
    try {
      const result = await search(store.db, query, {
        limit,
        since: stringOption(ctx, "since"),
        until: stringOption(ctx, "until"),
        outlet: stringOption(ctx, "outlet"),
      });
      if (ctx.out.json) {
        ctx.out.jsonLine(result);
      } else {
        if (result.terms.length === 0) ctx.out.note(noteText(ctx.out.lang, "searchStopwords", { query }));
        const bold = Boolean((ctx.out.stdout as { isTTY?: boolean }).isTTY);
        result.hits.forEach((h, i) => ctx.out.print(render(ctx.out.lang, h, i + 1, bold)));
        ctx.out.note(noteText(ctx.out.lang, "searchCount", { shown: result.hits.length, total: result.total }));
      }
    } finally {
      await store.close();
    }
    return 0;
  },
};

/** Marks around a highlighted word: bold and underlined on a terminal, square brackets elsewhere. */
function marks(bold: boolean): [string, string] {
  return bold ? ["\u001b[1;4m", "\u001b[0m"] : ["[", "]"];
}

export function render(lang: Lang, h: SearchHit, rank: number, bold = false): string {
  const [open, close] = marks(bold);
  let snippet = "";
  let from = 0;
  for (const m of h.snippet.highlights) {
    snippet +=
      isolateRuns(h.snippet.text.slice(from, m.start)) +
      open +
      isolateRuns(h.snippet.text.slice(m.start, m.end)) +
      close;
    from = m.end;
  }
  snippet += isolateRuns(h.snippet.text.slice(from));
  const copies = h.copies.length > 0 ? countText(lang, "copies", h.copies.length + 1) : "";
  const meta = [
    h.published ?? t(lang, "undated"),
    h.outlet === null ? "" : outletName(h.outlet),
    copies,
    h.score.toFixed(3),
    h.id,
  ]
    .filter((s) => s.length > 0)
    .join(" · ");
  return `${rank}. ${isolateRuns(h.title)}\n   ${meta}\n   ${snippet}\n`;
}
