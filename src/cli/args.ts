import { parseArgs } from "node:util";
import { RasdError } from "../core/errors.js";
import type { Command, GlobalOptions, OptionSpec } from "./command.js";
import { COMMANDS_AR, GLOBAL_OPTIONS_AR, cliText, isolateCli } from "../i18n/cli.js";
import { isolate } from "../i18n/bidi.js";
import type { Lang } from "../i18n/plural.js";

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

/**
 * Option lines. In Arabic the flag is isolated (FSI … PDI) and so is every Latin or numeric run of the help text,
 * so that "--store DIR" and "./rasd-data" keep their order inside right-to-left text.
 */
function optionLines(specs: Record<string, OptionSpec>, lang: Lang, arabic: Record<string, string> = {}): string[] {
  return Object.entries(specs).map(([name, s]) => {
    const short = s.short !== undefined ? `-${s.short}, ` : "    ";
    const flag = `${short}--${name}${s.type === "string" ? ` ${s.value ?? "VALUE"}` : ""}`;
    if (lang === "en") return `  ${flag.padEnd(28)} ${s.help}`;
    return `  ${isolate(flag.padEnd(28))} ${isolateCli(arabic[name] ?? s.help)}`;
  });
}

/** The Arabic description, with the English one's examples (command lines) after it as they are. */
function arabicDescription(cmd: Command): string | undefined {
  const prose = COMMANDS_AR[cmd.name]?.description;
  if (prose === undefined) return undefined;
  const examples = /^examples:\n([\s\S]*)$/mu.exec(cmd.description ?? "")?.[1];
  const text = isolateCli(prose);
  return examples === undefined ? text : `${text}\n\nأمثلة:\n${examples.replace(/^.+$/gmu, (l) => isolate(l))}`;
}

/** A command's help in `lang` (the English is the command's own; the Arabic is i18n/cli.ts's). */
export function commandHelp(cmd: Command, lang: Lang = "en"): string {
  const ar = COMMANDS_AR[cmd.name];
  const summary = lang === "ar" && ar ? isolateCli(ar.summary) : cmd.summary;
  const description = lang === "ar" ? arabicDescription(cmd) : cmd.description;
  const lines = [
    `${cliText(lang, "usage")} ${lang === "ar" ? isolate(`rasd ${cmd.usage}`) : `rasd ${cmd.usage}`}`,
    "",
    summary,
  ];
  if (description) lines.push("", description.trim());
  if (Object.keys(cmd.options).length > 0)
    lines.push("", cliText(lang, "options"), ...optionLines(cmd.options, lang, ar?.options));
  lines.push("", cliText(lang, "globalOptions"), ...optionLines(GLOBAL_OPTIONS, lang, GLOBAL_OPTIONS_AR));
  lines.push("", lang === "ar" ? isolateCli(cliText(lang, "exitStatus")) : cliText(lang, "exitStatus"));
  return lines.join("\n");
}

export function mainHelp(
  commands: readonly Pick<Command, "name" | "usage" | "summary">[],
  version: string,
  lang: Lang = "en",
): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  const local = (s: string) => (lang === "ar" ? isolateCli(s) : s);
  const commandLine = (c: Pick<Command, "name" | "usage" | "summary">) =>
    lang === "ar"
      ? `  ${isolate(c.usage.padEnd(width))}  ${isolateCli(COMMANDS_AR[c.name]?.summary ?? c.summary)}`
      : `  ${c.usage.padEnd(width)}  ${c.summary}`;
  const versionFlag = "      --version".padEnd(30);
  return [
    lang === "ar"
      ? `${isolate(`rasd ${version}`)} — ${cliText(lang, "title")}`
      : `rasd ${version} — ${cliText(lang, "title")}`,
    "",
    local(cliText(lang, "mainUsage")),
    "",
    cliText(lang, "commands"),
    ...commands.map(commandLine),
    "",
    cliText(lang, "globalOptions"),
    ...optionLines(GLOBAL_OPTIONS, lang, GLOBAL_OPTIONS_AR),
    lang === "ar"
      ? `${isolate(versionFlag.trimEnd().padEnd(30))} ${cliText(lang, "version")}`
      : `${versionFlag} ${cliText(lang, "version")}`,
    "",
    local(cliText(lang, "moreHelp")),
  ].join("\n");
}
