import type { Command } from "../command.js";
import { lookupEntities, type EntityRecord } from "../../annotate/entities/persist.js";

/**
 * `rasd entity ID|NAME`: a stored entity by its id or by any of its names (any spelling: آشتون كارتر، اشتون كارتر،
 * كارتر، Ash Carter), with every name it goes by and the articles that mention it. A short name that several
 * entities share lists each of them. `--json` prints `{query, entities: [...]}`.
 */
export const command: Command = {
  name: "entity",
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
      else if (found.length === 0)
        ctx.out.note(`entity: no stored entity is called "${query}"; try another spelling, or ingest articles first`);
      else for (const e of found) ctx.out.print(render(e));
      return found.length === 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};

function render(e: EntityRecord): string {
  const lines = [
    `${e.name}  [${e.type}]  ${e.id}`,
    `  names: ${e.names.join(" · ")}`,
    `  articles (${e.articles.length}):`,
  ];
  for (const a of e.articles.slice(0, 20))
    lines.push(`    ${a.published ?? "undated"}  ${a.title}  (${a.mentions} mentions, ${a.id})`);
  return lines.join("\n") + "\n";
}
