import type { Command } from "../command.js";
import { stringOption } from "../command.js";
import { RasdError } from "../../core/errors.js";
import { search } from "../../search/search.js";
import type { SearchHit } from "../../search/search.js";

/**
 * `rasd search QUERY [--limit N] [--since DATE] [--until DATE] [--outlet NAME]`: ranked Arabic-aware search over the
 * stored articles. `--json` prints one object `{query, terms, total, hits}`; otherwise a readable list with the
 * matched words marked «like this» in each snippet.
 */
export const command: Command = {
  name: "search",
  summary: "ranked Arabic-aware search over stored articles",
  usage: "search QUERY [--limit N] [--since DATE] [--until DATE] [--outlet NAME]",
  description:
    "Searches the stored articles with rasd's Arabic analysis (the query is folded, stopwords dropped and stemmed\n" +
    "exactly like the articles were), ranked by BM25. Dates are YYYY-MM-DD, YYYY-MM or YYYY; an article without a\n" +
    "publication date is left out when a date filter is given.\n" +
    "Example: rasd search 'وزير الدفاع الأميركي' --since 2016-01 --limit 5",
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
        if (result.terms.length === 0)
          ctx.out.note(`search: "${query}" has only stopwords or no words; nothing to look up`);
        result.hits.forEach((h, i) => ctx.out.print(render(h, i + 1)));
        ctx.out.note(`${result.hits.length} of ${result.total} matching articles`);
      }
    } finally {
      await store.close();
    }
    return 0;
  },
};

function render(h: SearchHit, rank: number): string {
  let snippet = "";
  let from = 0;
  for (const m of h.snippet.highlights) {
    snippet += h.snippet.text.slice(from, m.start) + "«" + h.snippet.text.slice(m.start, m.end) + "»";
    from = m.end;
  }
  snippet += h.snippet.text.slice(from);
  const meta = [h.published ?? "undated", h.outlet ?? "", h.score.toFixed(3), h.id]
    .filter((s) => s.length > 0)
    .join(" · ");
  return `${rank}. ${h.title}\n   ${meta}\n   ${snippet}\n`;
}
