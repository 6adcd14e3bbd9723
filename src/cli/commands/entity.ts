import { countText, isolateRuns, noteText, t, typeLabel, type Lang } from "../../i18n/index.js";
import type { Sql } from "../../store/sql.js";
import type { Command } from "../command.js";
import { lookupEntities, type EntityRecord } from "../../annotate/entities/persist.js";

/**
 * `rasd entity ID|NAME`: a stored entity by its id or by any of its names (any spelling: آشتون كارتر، اشتون كارتر،
 * كارتر، Ash Carter), with every name it goes by and the articles that mention it. A short name that several
 * entities share lists each of them. `--json` prints `{query, entities: [...]}`.
 */
export const command: Command = {
  name: "entity",
  readsOnly: true,
  summary: "show a stored entity (person, organisation, place) by id or by any of its names",
  usage: "entity ID|NAME",
  description:
    "Looks the entity up by id, else by name after identity folding (hamza, alef forms, ة/ه, ى/ي), and prints its\n" +
    "names and the stored articles that mention it, newest first.\n" +
    "Example: rasd entity داعش",
  options: {},
  positionals: { name: "ID|NAME", min: 1 },
  async run(ctx) {
    const query = ctx.positionals.join(" ");
    const store = await ctx.openStore();
    try {
      const found = await lookupEntities(store.db, query);
      if (ctx.out.json) ctx.out.jsonLine({ query, entities: found });
      else if (found.length === 0) ctx.out.note(noteText(ctx.out.lang, "entityNotFound", { query }));
      else for (const e of found) ctx.out.print(render(ctx.out.lang, e, await articleCount(store.db, e)));
      return found.length === 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};

/** How many stored articles mention the entity (the record lists at most the latest 200 of them). */
async function articleCount(sql: Sql, e: EntityRecord): Promise<number> {
  const [r] = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM article_entities WHERE entity_id = $1", [
    e.id,
  ]);
  return Math.max(Number(r?.n ?? 0), e.articles.length);
}

const SHOWN = 20;

function render(lang: Lang, e: EntityRecord, total: number): string {
  const shown = e.articles.slice(0, SHOWN);
  const lines = [
    `${isolateRuns(e.name)}  [${typeLabel(lang, e.type)}]  ${e.id}`,
    `  names: ${e.names.map(isolateRuns).join(" · ")}`,
    `  ${countText(lang, "articles", total)}${shown.length < total ? ` (the latest ${shown.length} shown)` : ""}:`,
  ];
  for (const a of shown)
    lines.push(
      `    ${a.published ?? t(lang, "undated")}  ${isolateRuns(a.title)}  (${countText(lang, "mentions", a.mentions)}, ${a.id})`,
    );
  return lines.join("\n") + "\n";
}
