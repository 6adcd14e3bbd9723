import { parseArgs } from "node:util";
import { RasdError } from "../core/errors.js";
import type { Command, GlobalOptions, OptionSpec } from "./command.js";

/** Options every command takes (DESIGN.md). */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  store: { type: "string", value: "DIR", help: "embedded store folder (default ./rasd-data, or $RASD_STORE)" },
  pg: { type: "string", value: "URL", help: "PostgreSQL URL instead of the embedded store (or $RASD_PG_URL)" },
  json: { type: "boolean", help: "machine output on stdout (JSON), nothing else there" },
  create: { type: "boolean", help: "create the store folder if it does not exist (reading commands refuse otherwise)" },
  help: { type: "boolean", short: "h", help: "show help" },
};

export interface Parsed {
  globals: GlobalOptions;
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  help: boolean;
}

/** Parses a command's arguments with the global options mixed in anywhere; unknown options are usage errors. */
export function parseCommandArgs(cmd: Command, argv: string[], env: NodeJS.ProcessEnv): Parsed {
  const specs = { ...GLOBAL_OPTIONS, ...cmd.options };
  const options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const [name, s] of Object.entries(specs)) {
    options[name] = {
      type: s.type,
      ...(s.short !== undefined ? { short: s.short } : {}),
      ...(s.multiple ? { multiple: true } : {}),
    };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/^\w+ \[\w+\]: /, "") : String(e);
    throw new RasdError("USAGE", `rasd ${cmd.name}: ${why}; see 'rasd ${cmd.name} --help'`);
  }
  const v = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const help = v["help"] === true;
  if (!help && !cmd.positionals && parsed.positionals.length > 0) {
    throw new RasdError(
      "USAGE",
      `rasd ${cmd.name} takes no arguments, got "${parsed.positionals[0]}"; see 'rasd ${cmd.name} --help'`,
    );
  }
  if (!help && cmd.positionals && parsed.positionals.length < cmd.positionals.min) {
    throw new RasdError("USAGE", `rasd ${cmd.name} needs ${cmd.positionals.name}; usage: rasd ${cmd.usage}`);
  }
  const globals: GlobalOptions = {
    // An empty value (RASD_STORE= or --store "") means "not set", never "the current folder".
    store:
      (typeof v["store"] === "string" && v["store"] !== "" ? v["store"] : undefined) ||
      env["RASD_STORE"] ||
      "./rasd-data",
    pg: (typeof v["pg"] === "string" ? v["pg"] : undefined) ?? (env["RASD_PG_URL"] || undefined),
    json: v["json"] === true,
    create: v["create"] === true,
  };
  return { globals, values: v, positionals: parsed.positionals, help };
}

function optionLines(specs: Record<string, OptionSpec>): string[] {
  return Object.entries(specs).map(([name, s]) => {
    const short = s.short !== undefined ? `-${s.short}, ` : "    ";
    const flag = `${short}--${name}${s.type === "string" ? ` ${s.value ?? "VALUE"}` : ""}`;
    return `  ${flag.padEnd(28)} ${s.help}`;
  });
}

export function commandHelp(cmd: Command): string {
  const lines = [`usage: rasd ${cmd.usage}`, "", cmd.summary];
  if (cmd.description) lines.push("", cmd.description.trim());
  if (Object.keys(cmd.options).length > 0) lines.push("", "options:", ...optionLines(cmd.options));
  lines.push("", "global options:", ...optionLines(GLOBAL_OPTIONS));
  lines.push("", "exit status: 0 success, 1 failure, 2 bad usage, 3 partial success (some inputs failed)");
  return lines.join("\n");
}

export function mainHelp(commands: readonly Pick<Command, "usage" | "summary">[], version: string): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    `rasd ${version} — Arabic-first news intelligence (رصد)`,
    "",
    "usage: rasd <command> [options]",
    "",
    "commands:",
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    "",
    "global options:",
    ...optionLines(GLOBAL_OPTIONS),
    "      --version                show the version",
    "",
    "'rasd <command> --help' tells more about one command.",
  ].join("\n");
}
