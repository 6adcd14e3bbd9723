import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RasdError, messageOf } from "../core/errors.js";
import { projectRoot } from "../core/paths.js";
import { commandHelp, mainHelp, parseCommandArgs } from "./args.js";
import type { CommandContext } from "./command.js";
import { COMMANDS, findCommand } from "./commands/index.js";
import { Output } from "./output.js";

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** Maps an error to the exit status of the contract: 2 for bad usage, 1 for everything else. */
function statusOf(e: unknown): number {
  return e instanceof RasdError && e.code === "USAGE" ? 2 : 1;
}

/**
 * Runs the command line and returns the exit status. Every error is printed as one line that names the input and
 * says what to do; a stack trace is shown only with RASD_DEBUG=1, for bugs.
 */
export async function main(
  argv: string[],
  io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const [name, ...rest] = argv;
  const interactive = Boolean((io.stderr as { isTTY?: boolean }).isTTY);
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(mainHelp(COMMANDS, version()) + "\n");
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(version() + "\n");
    return 0;
  }
  const entry = findCommand(name);
  if (entry === undefined) {
    const near = COMMANDS.filter((c) => c.name.startsWith(name.slice(0, 2))).map((c) => c.name);
    io.stderr.write(
      `rasd: unknown command "${name}"${near.length ? `; did you mean ${near.join(" or ")}?` : ""} See 'rasd --help'.\n`,
    );
    return 2;
  }
  try {
    // Only now is the command's module loaded, with what it needs (models, tables, the pipeline).
    const command = await entry.load();
    const parsed = parseCommandArgs(command, rest, io.env);
    if (parsed.help) {
      io.stdout.write(commandHelp(command) + "\n");
      return 0;
    }
    const out = new Output({ stdout: io.stdout, stderr: io.stderr, json: parsed.globals.json, interactive });
    const ctx: CommandContext = {
      positionals: parsed.positionals,
      values: parsed.values,
      globals: parsed.globals,
      out,
      stdin: io.stdin,
      // The store (and its database driver) is loaded by the commands that open it, not by every start.
      openStore: async () => {
        const { Store } = await import("../store/store.js");
        return Store.open({ pg: parsed.globals.pg, dir: parsed.globals.store });
      },
    };
    return await command.run(ctx);
  } catch (e) {
    io.stderr.write(`rasd ${name}: ${messageOf(e)}\n`);
    if (io.env["RASD_DEBUG"] && e instanceof Error && e.stack) io.stderr.write(e.stack + "\n");
    return statusOf(e);
  }
}
