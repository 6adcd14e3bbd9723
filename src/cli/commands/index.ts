import type { Command } from "../command.js";

/**
 * What `rasd --help` lists about one command, as plain data, and how to load the command itself. A command's module
 * pulls in what it runs (the pipeline, models and tables, the store), so it is imported only when that command is
 * asked for: `rasd --version` and `rasd --help` load none of them, `rasd extract` loads only extract's.
 * `usage` and `summary` repeat the command's own (test/cli/cold-start.test.ts checks that they agree).
 */
export interface CommandEntry {
  name: string;
  usage: string;
  summary: string;
  load(): Promise<Command>;
}

/** Every command of the contract (DESIGN.md), in the order `rasd --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "extract",
    usage: "extract PATH…",
    summary: "extract and annotate pages without storing them",
    load: async () => (await import("./extract.js")).command,
  },
  {
    name: "analyze",
    usage: "analyze [--normalize | --tokens | --stems] [--scheme rasd|lucene|snowball]",
    summary: "Normalise, tokenise or stem Arabic text from stdin, one output line per input line",
    load: async () => (await import("./analyze.js")).command,
  },
  {
    name: "annotate",
    usage: "annotate [--ref DATETIME] [--bias past|future]",
    summary: "Find dates and figures (and entities, quotes) in each line of stdin; one JSON object per line",
    load: async () => (await import("./annotate.js")).command,
  },
  {
    name: "ingest",
    usage: "ingest PATH…",
    summary: "extract, annotate, deduplicate, cluster and store pages",
    load: async () => (await import("./ingest.js")).command,
  },
  {
    name: "cluster",
    usage: "cluster PATH…",
    summary: "group pages into events and topics (in memory) and print them",
    load: async () => (await import("./cluster.js")).command,
  },
  {
    name: "summarize",
    usage: "summarize PATH… [--words N]",
    summary: "treat the pages as one story and summarise it with citations",
    load: async () => (await import("./summarize.js")).command,
  },
  {
    name: "stories",
    usage: "stories [--limit N] [--topic ID]",
    summary: "list the stored stories, newest first",
    load: async () => (await import("./stories.js")).command,
  },
  {
    name: "story",
    usage: "story ID",
    summary: "one stored story: summary, timeline, sources, quotes, claims",
    load: async () => (await import("./story.js")).command,
  },
  {
    name: "topics",
    usage: "topics [--limit N]",
    summary: "list the stored topics with their stories",
    load: async () => (await import("./topics.js")).command,
  },
  {
    name: "entity",
    usage: "entity ID|NAME",
    summary: "show a stored entity (person, organisation, place) by id or by any of its names",
    load: async () => (await import("./entity.js")).command,
  },
  {
    name: "search",
    usage: "search QUERY [--limit N] [--since DATE] [--until DATE] [--outlet NAME]",
    summary: "ranked Arabic-aware search over stored articles",
    load: async () => (await import("./search.js")).command,
  },
  {
    name: "serve",
    usage: "serve [--port 8080] [--host 127.0.0.1] [--watch FILE|URL…]",
    summary: "HTTP API and web UI",
    load: async () => (await import("./serve.js")).command,
  },
  {
    name: "watch",
    usage: "watch URL… [--interval S] [--once]",
    summary: "poll news feeds politely and ingest new items",
    load: async () => (await import("./watch.js")).command,
  },
  {
    name: "sources",
    usage: "sources add|list|pause|resume|remove [URL…] [--interval S]",
    summary: "the feeds the desk follows (polled inside 'rasd serve')",
    load: async () => (await import("./sources.js")).command,
  },
  {
    name: "replay",
    usage: "replay FILE… [--speed N|max] [--limit N]",
    summary: "feed a recorded stream into the store (or a running server's) in publication order",
    load: async () => (await import("./replay.js")).command,
  },
  {
    name: "worker",
    usage: "worker [--exit-when-idle]",
    summary: "take ingest jobs from the PostgreSQL queue",
    load: async () => (await import("./worker.js")).command,
  },
  {
    name: "export",
    usage: "export [--format jsonl|csv]",
    summary: "every stored article, for other tools",
    load: async () => (await import("./export.js")).command,
  },
  {
    name: "demo",
    usage: "demo [--port 8080] [--host 127.0.0.1] [--no-serve]",
    summary: "ingest the bundled (invented) sample corpus and serve the web UI on it",
    load: async () => (await import("./demo.js")).command,
  },
];

export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name);
}
