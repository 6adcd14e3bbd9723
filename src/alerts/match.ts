import { analyzeTerms } from "../analysis/ar/index.js";
import type { Article } from "../core/types.js";
import type { Watchlist } from "./watchlists.js";

/** A name or query as the search folds it: spelling variants (hamza, final yaa, taa marbuta, clitics) meet. */
function key(text: string): string {
  return analyzeTerms(text).join(" ");
}

/**
 * The watchlists compiled once per batch: each is a test on one article. Entity: the article names the entity
 * (its id, or a name or mention that folds to the watched name: "داعش" matches however it is spelled). Query: the
 * article holds every word of the query (search folding and stemming). Outlet: the publisher's name or domain.
 */
export function compile(lists: readonly Watchlist[]): (a: Article) => Watchlist[] {
  const compiled = lists.map((w) => {
    const k = key(w.value);
    const terms = w.kind === "query" ? analyzeTerms(w.value) : [];
    const outlet = w.value.trim().toLowerCase();
    return { w, k, terms, outlet };
  });
  const needText = compiled.some((c) => c.w.kind === "query");
  return (a) => {
    let words: Set<string> | undefined;
    let names: Set<string> | undefined;
    const out: Watchlist[] = [];
    for (const c of compiled) {
      if (c.w.kind === "outlet") {
        const p = a.publisher;
        if ((p?.name ?? "").trim().toLowerCase() === c.outlet || (p?.domain ?? "").trim().toLowerCase() === c.outlet)
          out.push(c.w);
      } else if (c.w.kind === "entity") {
        names ??= new Set(
          a.entities.flatMap((e) => [e.id, key(e.name), ...e.mentions.map((m) => key(m.text))]).filter((s) => s !== ""),
        );
        if (names.has(c.w.value) || (c.k !== "" && names.has(c.k))) out.push(c.w);
      } else if (needText) {
        words ??= new Set(analyzeTerms(`${a.title}\n${a.text}`));
        if (c.terms.every((t) => words!.has(t))) out.push(c.w);
      }
    }
    return out;
  };
}
