import type { Command } from "../command.js";
import { notYet } from "../not-yet.js";
import { command as cluster } from "./cluster.js";
import { command as annotate } from "./annotate.js";
import { command as demo } from "./demo.js";
import { command as exportCmd } from "./export.js";
import { command as extract } from "./extract.js";
import { command as ingest } from "./ingest.js";
import { command as serve } from "./serve.js";
import { command as story } from "./story.js";
import { command as summarize } from "./summarize.js";
import { command as stories } from "./stories.js";
import { command as topics } from "./topics.js";
import { command as watch } from "./watch.js";
import { command as worker } from "./worker.js";

const limit = { limit: { type: "string", value: "N", help: "how many to show (default 20)" } } as const;

/** Every command of the contract (DESIGN.md), in the order `rasd --help` lists them. */
export const COMMANDS: readonly Command[] = [
  extract,
  notYet("analyze", "analyze [--normalize|--tokens|--stems] [--scheme S]", "Arabic analysis of stdin, line by line", {
    normalize: { type: "boolean", help: "print the normalised line" },
    tokens: { type: "boolean", help: "print the tokens, space-separated" },
    stems: { type: "boolean", help: "print the stems, space-separated" },
    scheme: { type: "string", value: "S", help: "stemmer: rasd (default), lucene or snowball" },
  }),
  annotate,
  ingest,
  cluster,
  summarize,
  stories,
  story,
  topics,
  notYet("entity", "entity ID|NAME", "one entity: its names, articles, stories and quotes", {}, { name: "ID|NAME", min: 1 }),
  notYet("search", "search QUERY [--limit N] [--since DATE] [--until DATE]", "ranked Arabic-aware search over stored articles", {
    ...limit,
    since: { type: "string", value: "DATE", help: "only articles published on or after DATE (YYYY-MM-DD)" },
    until: { type: "string", value: "DATE", help: "only articles published on or before DATE" },
  }, { name: "QUERY", min: 1 }),
  serve,
  watch,
  worker,
  exportCmd,
  demo,
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
