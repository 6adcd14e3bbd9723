import type { Command } from "../command.js";
import { command as cluster } from "./cluster.js";
import { command as analyze } from "./analyze.js";
import { command as annotate } from "./annotate.js";
import { command as entity } from "./entity.js";
import { command as search } from "./search.js";
import { command as demo } from "./demo.js";
import { command as exportCmd } from "./export.js";
import { command as extract } from "./extract.js";
import { command as ingest } from "./ingest.js";
import { command as replay } from "./replay.js";
import { command as serve } from "./serve.js";
import { command as sources } from "./sources.js";
import { command as story } from "./story.js";
import { command as summarize } from "./summarize.js";
import { command as stories } from "./stories.js";
import { command as topics } from "./topics.js";
import { command as watch } from "./watch.js";
import { command as worker } from "./worker.js";

/** Every command of the contract (DESIGN.md), in the order `rasd --help` lists them. */
export const COMMANDS: readonly Command[] = [
  extract,
  analyze,
  annotate,
  ingest,
  cluster,
  summarize,
  stories,
  story,
  topics,
  entity,
  search,
  serve,
  watch,
  sources,
  replay,
  worker,
  exportCmd,
  demo,
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
