import { noteText } from "../i18n/notes.js";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { RasdError, messageOf } from "../core/errors.js";
import { projectRoot } from "../core/paths.js";
import { commandHelp, mainHelp, parseCommandArgs } from "./args.js";
import type { Store } from "../store/store.js";
import type { CommandContext, GlobalOptions } from "./command.js";
import { COMMANDS, findCommand } from "./commands/index.js";
import { Output } from "./output.js";
import { cliLang, cliText, isolateCli } from "../i18n/cli.js";
import { isolate } from "../i18n/bidi.js";
import { errorSentence } from "../i18n/errors.js";
import type { Lang } from "../i18n/plural.js";

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/**
 * Opens the store the options name. A folder that does not exist is a typo until proven otherwise: reading commands
 * refuse it (exit 2) unless --create; writing commands create it and say where.
 */
async function openStore(name: string, readsOnly: boolean, g: GlobalOptions, out: Output): Promise<Store> {
  const onDisk = g.pg === undefined && !g.store.includes("://");
  if (onDisk && !existsSync(g.store)) {
    if (readsOnly && g.create !== true)
      throw new RasdError(
        "USAGE",
        `there is no store at "${resolve(g.store)}"; check --store (or $RASD_STORE), fill one with 'rasd ingest --store ${g.store} PATH…', or pass --create for an empty one`,
        {
          input: g.store,
          ar: `لا يوجد مخزن في «${resolve(g.store)}»؛ تحقق من --store، أو املأ مخزنًا بالأمر rasd ingest، أو أضف --create لإنشاء مخزن فارغ`,
        },
      );
    out.note(noteText(out.lang, "newStore", { command: name, path: resolve(g.store) }));
  }
  // The store (and its database driver) is loaded by the commands that open it, not by every start.
  const { Store } = await import("../store/store.js");
  return Store.open({ pg: g.pg, dir: g.store });
}

/** Maps an error to the exit status of the contract: 2 for bad usage, 1 for everything else. */
function statusOf(e: unknown): number {
  return e instanceof RasdError && e.code === "USAGE" ? 2 : 1;
}

/**
 * An error as one line for the person at the terminal. In Arabic: the error's own Arabic sentence, else what its
 * kind means followed by the English technical message (isolated, so its Latin runs keep their order).
 */
function errorLine(lang: Lang, name: string, e: unknown): string {
  if (lang === "en" || !(e instanceof RasdError)) return `rasd ${name}: ${messageOf(e)}`;
  const sentence = isolateCli(errorSentence("ar", e));
  if (e.ar !== undefined) return `rasd ${name}: ${sentence}`;
  return `rasd ${name}: ${sentence} (${cliText("ar", "details")}: ${isolate(e.message)})`;
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
  const lang = cliLang(io.env);
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(mainHelp(COMMANDS, version(), lang) + "\n");
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(version() + "\n");
    return 0;
  }
  const entry = findCommand(name);
  if (entry === undefined) {
    const near = COMMANDS.filter((c) => c.name.startsWith(name.slice(0, 2))).map((c) => c.name);
    const t = (k: Parameters<typeof cliText>[1]) => cliText(lang, k);
    const shown = lang === "ar" ? isolate(name) : name;
    const names = lang === "ar" ? near.map((n) => isolate(n)) : near;
    const guess = near.length
      ? `${lang === "ar" ? "؛" : ";"} ${t("didYouMean")} ${names.join(` ${t("or")} `)}${lang === "ar" ? "؟" : "?"}`
      : "";
    io.stderr.write(
      `rasd: ${t("unknownCommand")} "${shown}"${guess} ${lang === "ar" ? isolateCli(t("seeHelp")) : t("seeHelp")}\n`,
    );
    return 2;
  }
  try {
    // Only now is the command's module loaded, with what it needs (models, tables, the pipeline).
    const command = await entry.load();
    const parsed = parseCommandArgs(command, rest, io.env);
    if (parsed.help) {
      io.stdout.write(commandHelp(command, lang) + "\n");
      return 0;
    }
    const out = new Output({ stdout: io.stdout, stderr: io.stderr, json: parsed.globals.json, interactive, lang });
    const ctx: CommandContext = {
      positionals: parsed.positionals,
      values: parsed.values,
      globals: parsed.globals,
      out,
      stdin: io.stdin,
      openStore: () => openStore(command.name, command.readsOnly === true, parsed.globals, out),
    };
    return await command.run(ctx);
  } catch (e) {
    io.stderr.write(errorLine(lang, name, e) + "\n");
    if (io.env["RASD_DEBUG"] && e instanceof Error && e.stack) io.stderr.write(e.stack + "\n");
    return statusOf(e);
  }
}
