import { availableParallelism } from "node:os";
import { RasdError } from "../core/errors.js";
import type { Store } from "../store/store.js";
import type { Output } from "./output.js";

/** Options every command accepts (DESIGN.md, "Command line"). */
export interface GlobalOptions {
  /** Embedded store folder: `--store`, else `$RASD_STORE`, else `./rasd-data`. */
  store: string;
  /** PostgreSQL URL instead of the embedded store: `--pg`, else `$RASD_PG_URL`. */
  pg: string | undefined;
  json: boolean;
  /** Create the embedded store if its folder does not exist (`--create`). */
  create?: boolean;
}

/** One option of a command, in the shape of `util.parseArgs`, plus the help text (default and range included). */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** The value's placeholder in help, e.g. `N` or `DATE`. */
  value?: string;
  help: string;
}

export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  globals: GlobalOptions;
  out: Output;
  /** Opens the store the global options name (and migrates it). The caller closes it. */
  openStore(): Promise<Store>;
  /** Standard input, for commands that read it line by line. */
  stdin: NodeJS.ReadableStream;
}

/**
 * A subcommand. `run` returns the exit status: 0 success, 1 failure, 2 bad usage, 3 partial success.
 * Fatal problems throw a RasdError; the CLI prints it with the input it names and maps its code to a status.
 */
export interface Command {
  name: string;
  /** One line for `rasd --help`. */
  summary: string;
  /** Usage line after `rasd`, e.g. `extract PATH…`. */
  usage: string;
  /** Longer help: what it does, examples. */
  description?: string;
  options: Record<string, OptionSpec>;
  /**
   * A command that only reads the store: a store folder that does not exist is refused (a mistyped --store must
   * not answer "nothing stored" from a new empty store) unless `--create` is given.
   */
  readsOnly?: boolean;
  /** Whether positional arguments are accepted; `min` of them required. */
  positionals?: { name: string; min: number };
  run(ctx: CommandContext): Promise<number>;
}

/** Reads an option that must be a string, or undefined. */
/** `--encoding NAME`, shared by every command that reads page files. */
export const ENCODING_OPTION: OptionSpec = {
  type: "string",
  value: "NAME",
  help: "force the encoding of page files (any WHATWG label: utf-8, windows-1256, iso-8859-6, koi8-r…)",
};

/** `--threads N`, shared by the commands that store documents. */
export const THREADS_OPTION: OptionSpec = {
  type: "string",
  value: "N",
  help: "worker threads for extraction and annotation (default: one per core; 1: all in one thread; 1–64)",
};

/** The `--threads` value: a whole number from 1 to 64, else one per core the process may use. */
export function threadsOption(ctx: CommandContext): number {
  const v = stringOption(ctx, "threads");
  if (v === undefined) return availableParallelism();
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new RasdError("USAGE", `--threads takes a whole number from 1 to 64, not "${v}"`, { input: "--threads" });
  return n;
}

export function stringOption(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === "string" ? v : undefined;
}

export function flag(ctx: CommandContext, name: string): boolean {
  return ctx.values[name] === true;
}
