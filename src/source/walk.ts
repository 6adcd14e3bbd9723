import { readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { messageOf, type RasdError } from "../core/errors.js";
import { reasonError, said } from "../i18n/reasons.js";

/** The kinds of input file rasd reads, from the file's name. */
export type InputKind = "text" | "html" | "json" | "jsonl" | "feed";

/** An input file: the path as the user would recognise it (as given, or joined under a given folder). */
export interface InputFile {
  path: string;
  kind: InputKind;
  gzip: boolean;
  /** Named on the command line (not found inside a folder): a file that is not what it claims is then an error. */
  explicit: boolean;
}

export type WalkItem = { ok: true; file: InputFile } | { ok: false; input: string; error: RasdError };

/** What a file's name says it holds; undefined for files rasd does not read. */
export function kindOf(path: string): { kind: InputKind; gzip: boolean } | undefined {
  let name = basename(path).toLowerCase();
  const gzip = name.endsWith(".gz");
  if (gzip) name = name.slice(0, -3);
  const ext = extname(name);
  switch (ext) {
    case ".txt":
    case ".text":
      return { kind: "text", gzip };
    case ".html":
    case ".htm":
    case ".xhtml":
      return { kind: "html", gzip };
    case ".json":
      return { kind: "json", gzip };
    case ".jsonl":
    case ".ndjson":
      return { kind: "jsonl", gzip };
    case ".xml":
    case ".rss":
    case ".atom":
      return { kind: "feed", gzip };
    default:
      return undefined;
  }
}

/**
 * Expands the paths given on the command line into input files: folders recursively, in name order so runs are
 * repeatable; hidden files and files of unknown kinds inside folders are skipped. A path given explicitly that is
 * missing or of an unknown kind is an error item, reported without stopping the others.
 */
export async function* walkInputs(paths: readonly string[]): AsyncGenerator<WalkItem> {
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why =
        code === "ENOENT"
          ? said("noSuchPath", { input: given })
          : said("pathUnreadable", { input: given, why: messageOf(e) });
      yield { ok: false, input: given, error: reasonError("NOT_FOUND", why, { input: given }) };
      continue;
    }
    if (info.isDirectory()) {
      yield* walkFolder(given);
      continue;
    }
    const kind = kindOf(given);
    if (kind === undefined) {
      yield {
        ok: false,
        input: given,
        error: reasonError("USAGE", said("unknownKind", { input: given }), { input: given }),
      };
      continue;
    }
    yield { ok: true, file: { path: given, ...kind, explicit: true } };
  }
}

async function* walkFolder(dir: string): AsyncGenerator<WalkItem> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield {
      ok: false,
      input: dir,
      error: reasonError("NOT_FOUND", said("cannotList", { dir, why: messageOf(e) }), { input: dir }),
    };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walkFolder(path);
    } else if (entry.isFile()) {
      const kind = kindOf(path);
      if (kind !== undefined) yield { ok: true, file: { path, ...kind, explicit: false } };
    }
  }
}
