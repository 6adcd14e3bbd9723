import { createReadStream } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import { createGunzip, gunzipSync } from "node:zlib";
import { RasdError, messageOf } from "../core/errors.js";
import { inputLabel } from "../core/label.js";
import type { RawDoc } from "../core/stage.js";
import type { SourceRef } from "../core/types.js";
import { decodeBytes } from "../decode/decode.js";
import { looksLikeFeed, parseFeed } from "./feed.js";
import type { MappedRecord } from "./records.js";
import { mapRecord, recordReason } from "./records.js";
import { reasonError, said } from "../i18n/reasons.js";
import type { InputFile } from "./walk.js";
import { defaultLimits, size, type InputLimits } from "./limits.js";
import { readLines, StreamTooLarge } from "./lines.js";

/** A document ready for the pipeline, with the key that identifies its source; or why an input could not be read. */
export type SourceItem =
  | { ok: true; raw: RawDoc; sourceKey: string }
  | { ok: false; input: string; error: RasdError }
  /** A file found inside a folder that holds no articles (a gold file, a config): passed over, with the reason. */
  | { ok: "skipped"; input: string; reason: string; ar: string };

export interface ReadOptions {
  encoding?: string | undefined;
  /** Size bounds (limits.ts); the defaults, or RASD_MAX_*_MB, otherwise. */
  limits?: Partial<InputLimits> | undefined;
}

/**
 * A parser's message on one line with control characters escaped: JSON.parse quotes the bad input, which may hold
 * newlines or terminal escape sequences that must not reach the user's terminal raw.
 */
function oneLine(message: string): string {
  return message.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => JSON.stringify(c).slice(1, -1));
}

function fail(input: string, error: unknown, code: RasdError["code"] = "PARSE"): SourceItem {
  const e =
    error instanceof RasdError
      ? error
      : reasonError(code, said("cannotRead", { input, why: oneLine(messageOf(error)) }), { input, cause: error });
  return { ok: false, input, error: e };
}

/** The real path of a file, so the same file given by two different paths is one source. */
async function canonical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

function recordDoc(file: InputFile, key: string, n: number, rec: MappedRecord): SourceItem {
  const source: SourceRef = { path: file.path, record: n };
  if (rec.meta.url !== undefined) source.url = rec.meta.url;
  if (rec.meta.publishedIsCrawl && rec.meta.published !== undefined) {
    const t = Date.parse(
      rec.meta.published.replace(" ", "T") + (/[zZ]|[+-]\d\d:?\d\d$/.test(rec.meta.published) ? "" : "Z"),
    );
    if (Number.isFinite(t)) source.crawled = new Date(t).toISOString();
  }
  // A record is the same page when its URL (or its own id) is the same, wherever the file sits.
  const sourceKey = rec.meta.url ?? (rec.id !== undefined ? `${key}#id=${rec.id}` : `${key}#${n}`);
  const raw: RawDoc = {
    source,
    format: "record",
    text: rec.text,
    meta: rec.html ? { ...rec.meta, bodyIsHtml: true } : rec.meta,
  };
  return { ok: true, raw, sourceKey };
}

async function* readJsonLines(file: InputFile, key: string, limits: InputLimits): AsyncGenerator<SourceItem> {
  const stream = createReadStream(file.path);
  const input = file.gzip ? stream.pipe(createGunzip()) : stream;
  let n = 0;
  try {
    for await (const line of readLines(input, limits.maxLineBytes, limits.maxStreamBytes)) {
      n = line.n;
      const where = inputLabel({ path: file.path, record: n });
      if ("tooLong" in line) {
        yield fail(
          where,
          reasonError("PARSE", said("lineTooLong", { n, path: file.path, limit: size(limits.maxLineBytes) }), {
            input: where,
          }),
        );
        continue;
      }
      if (line.text.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(line.text);
      } catch (e) {
        yield fail(
          where,
          reasonError("PARSE", said("lineNotJson", { n, path: file.path, why: oneLine(messageOf(e)) }), {
            input: where,
          }),
        );
        continue;
      }
      const rec = mapRecord(value);
      if ("error" in rec) {
        const why = said("lineRecord", { n, path: file.path, record: recordReason(rec) });
        yield fail(where, reasonError("PARSE", why, { input: where }));
        continue;
      }
      yield recordDoc(file, key, n, rec);
    }
  } catch (e) {
    const why =
      e instanceof StreamTooLarge
        ? said("streamTooLarge", { limit: size(limits.maxStreamBytes) })
        : said("technical", { why: oneLine(messageOf(e)) });
    yield fail(
      file.path,
      reasonError("PARSE", said("brokeOff", { path: file.path, n, why }), { input: file.path, cause: e }),
    );
  } finally {
    stream.destroy();
  }
}

/** A whole file's bytes (decompressed), within the limit; past it, a clear error instead of a 2 GB inflation. */
async function readBytes(file: InputFile, limits: InputLimits): Promise<Uint8Array> {
  const info = await stat(file.path);
  const over = () =>
    reasonError("TOO_LARGE", said("tooLarge", { path: file.path, limit: size(limits.maxFileBytes), gzip: file.gzip }), {
      input: file.path,
    });
  if (info.size > limits.maxFileBytes) throw over();
  const buf = await readFile(file.path);
  if (!file.gzip) return buf;
  try {
    return gunzipSync(buf, { maxOutputLength: limits.maxFileBytes });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) throw over();
    throw reasonError("DECODE", said("notGzip", { path: file.path, why: messageOf(e) }), {
      input: file.path,
      cause: e,
    });
  }
}

function* readJson(file: InputFile, key: string, text: string): Generator<SourceItem> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    yield fail(
      file.path,
      reasonError("PARSE", said("notJson", { path: file.path, why: oneLine(messageOf(e)) }), { input: file.path }),
    );
    return;
  }
  const list = Array.isArray(value) ? value : [value];
  if (!file.explicit && !list.some((v) => !("error" in mapRecord(v)))) {
    const why = said("noRecords", { path: file.path });
    yield { ok: "skipped", input: file.path, reason: why.en, ar: why.ar };
    return;
  }
  for (let i = 0; i < list.length; i++) {
    const rec = mapRecord(list[i]);
    if ("error" in rec) {
      const record = recordReason(rec);
      const why = Array.isArray(value)
        ? said("jsonItem", { i: i + 1, path: file.path, record })
        : said("jsonRecord", { path: file.path, record });
      yield fail(`${file.path}#${i + 1}`, reasonError("PARSE", why, { input: file.path }));
    } else yield recordDoc(file, key, i + 1, rec);
  }
}

function* readFeed(file: InputFile, key: string, text: string): Generator<SourceItem> {
  if (!looksLikeFeed(text)) {
    yield fail(file.path, reasonError("PARSE", said("notFeed", { path: file.path }), { input: file.path }));
    return;
  }
  const feed = parseFeed(text);
  if (feed.error !== undefined) {
    yield fail(
      file.path,
      reasonError("PARSE", said("feedUnreadable", { path: file.path, why: oneLine(feed.error) }), { input: file.path }),
    );
    return;
  }
  if (feed.items.length === 0) {
    yield fail(file.path, reasonError("EMPTY", said("feedEmpty", { path: file.path }), { input: file.path }));
  }
  for (const item of feed.items) {
    if ("error" in item.record) {
      yield fail(
        `${file.path}#${item.index}`,
        reasonError(
          "PARSE",
          said("feedItem", { index: item.index, path: file.path, record: recordReason(item.record) }),
          { input: file.path },
        ),
      );
    } else {
      yield recordDoc(file, key, item.index, item.record);
    }
  }
}

/**
 * The documents in one input file. Page files (.txt, .html) are one document; JSON, JSON Lines and feeds are one per
 * record. A broken record is an error item; the records around it are still read.
 */
export async function* readInput(file: InputFile, opts: ReadOptions = {}): AsyncGenerator<SourceItem> {
  const key = await canonical(file.path);
  const limits = { ...defaultLimits(), ...opts.limits };
  if (file.kind === "jsonl") {
    yield* readJsonLines(file, key, limits);
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file, limits);
  } catch (e) {
    if (e instanceof RasdError) yield fail(file.path, e);
    else
      yield fail(
        file.path,
        reasonError("NOT_FOUND", said("cannotRead", { input: file.path, why: messageOf(e) }), {
          input: file.path,
          cause: e,
        }),
      );
    return;
  }
  if (bytes.length === 0) {
    yield fail(file.path, reasonError("EMPTY", said("empty", { path: file.path }), { input: file.path }));
    return;
  }
  if (file.kind === "text" || file.kind === "html") {
    const raw: RawDoc = { source: { path: file.path }, format: file.kind, bytes };
    if (opts.encoding !== undefined) raw.encoding = opts.encoding;
    yield { ok: true, raw, sourceKey: key };
    return;
  }
  let text: string;
  try {
    text = decodeBytes(bytes, file.path, opts.encoding !== undefined ? { forced: opts.encoding } : {}).text;
  } catch (e) {
    yield fail(file.path, e, "DECODE");
    return;
  }
  // A JSON Feed is a feed, whatever its file is called.
  if (file.kind === "json" && !looksLikeFeed(text)) yield* readJson(file, key, text);
  else yield* readFeed(file, key, text);
}
