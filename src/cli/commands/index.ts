import type { Command } from "../command.js";
import { notYet } from "../not-yet.js";
import { command as demo } from "./demo.js";
import { command as exportCmd } from "./export.js";
import { command as extract } from "./extract.js";
import { command as ingest } from "./ingest.js";

const words = { words: { type: "string", value: "N", help: "summary length in words (default 250)" } } as const;
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
  notYet("annotate", "annotate [--ref DATETIME]", "dates, figures, entities and quotes of each stdin line, as JSON", {
    ref: { type: "string", value: "DATETIME", help: "reference time for relative dates (ISO 8601 with offset; default now)" },
  }),
  ingest,
  notYet("cluster", "cluster PATH…", "group pages into events and topics (in memory) and print them", {}, { name: "PATH…", min: 1 }),
  notYet("summarize", "summarize PATH… [--words N]", "treat the pages as one story and summarise it with citations", words, { name: "PATH…", min: 1 }),
  notYet("stories", "stories", "list the stored stories, newest first", limit),
  notYet("story", "story ID", "one stored story: summary, timeline, sources, quotes, claims", words, { name: "ID", min: 1 }),
  notYet("topics", "topics", "list the stored topics with their stories", limit),
  notYet("entity", "entity ID|NAME", "one entity: its names, articles, stories and quotes", {}, { name: "ID|NAME", min: 1 }),
  notYet("search", "search QUERY [--limit N] [--since DATE] [--until DATE]", "ranked Arabic-aware search over stored articles", {
    ...limit,
    since: { type: "string", value: "DATE", help: "only articles published on or after DATE (YYYY-MM-DD)" },
    until: { type: "string", value: "DATE", help: "only articles published on or before DATE" },
  }, { name: "QUERY", min: 1 }),
  notYet("serve", "serve [--port 8080] [--host 127.0.0.1]", "HTTP API and web UI", {
    port: { type: "string", value: "N", help: "port (default 8080)" },
    host: { type: "string", value: "HOST", help: "address to listen on (default 127.0.0.1)" },
  }),
  notYet("watch", "watch URL…", "poll news feeds politely and ingest new items", {}, { name: "URL…", min: 1 }),
  notYet("worker", "worker [--exit-when-idle]", "take ingest jobs from the PostgreSQL queue", {
    "exit-when-idle": { type: "boolean", help: "stop once the queue is empty" },
  }),
  exportCmd,
  demo,
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
