/**
 * The real files of ../shared/corpus/charsets with their true encoding (manifest.tsv names Python codecs), decoded by
 * rasd and compared with the truth: right, refused (a DECODE error naming the file), or WRONG (a silent
 * mis-decoding). Shared by test/decode/charsets.test.ts and scripts/charset-eval.ts.
 *
 * The split: a file belongs to the tuning half or the checking half by a hash of its path, so every family has
 * files in both; thresholds were set on the tuning half only.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RasdError } from "../../src/core/errors.js";
import { decodeAs } from "../../src/decode/codec.js";
import { decodeBytes } from "../../src/decode/decode.js";

export const CHARSETS = "../shared/corpus/charsets";

/** Python codec names of the manifest → the WHATWG encoding that decodes the same text, or null (not decodable). */
const PYTHON_CODECS: Record<string, string | null> = {
  ascii: "windows-1252",
  big5: "big5",
  cp1250: "windows-1250",
  cp1251: "windows-1251",
  cp1252: "windows-1252",
  cp1254: "windows-1254",
  cp1255: "windows-1255",
  cp1256: "windows-1256",
  cp855: null,
  cp866: "ibm866",
  cp932: "shift_jis",
  cp949: "euc-kr",
  euc_jp: "euc-jp",
  euc_kr: "euc-kr",
  gb18030: "gb18030",
  iso2022_jp: "iso-2022-jp",
  iso2022_kr: null,
  iso8859_1: "windows-1252",
  iso8859_2: "iso-8859-2",
  iso8859_5: "iso-8859-5",
  iso8859_6: "iso-8859-6",
  iso8859_7: "iso-8859-7",
  iso8859_9: "windows-1254",
  johab: null,
  koi8_r: "koi8-r",
  mac_cyrillic: "x-mac-cyrillic",
  mac_roman: "macintosh",
  shift_jis: "shift_jis",
  tis_620: "windows-874",
  "utf-8": "utf-8",
  "utf-8-sig": "utf-8",
  "utf-16": "utf-16",
  "utf-16-le": "utf-16le",
  "utf-16-be": "utf-16be",
  "utf-32": "utf-32",
  "utf-32-le": "utf-32le",
  "utf-32-be": "utf-32be",
};

export interface CharsetFile {
  path: string;
  codec: string;
  /** The WHATWG encoding of the truth, or null when rasd cannot decode this encoding (it must refuse). */
  enc: string | null;
  half: "tuning" | "checking";
  family: string;
}

export function charsetFiles(): CharsetFile[] {
  const manifest = join(CHARSETS, "manifest.tsv");
  if (!existsSync(manifest)) return [];
  const out: CharsetFile[] = [];
  for (const line of readFileSync(manifest, "utf8").split("\n")) {
    const [path, codec] = line.split("\t");
    if (path === undefined || codec === undefined || codec === "-") continue;
    const enc = PYTHON_CODECS[codec];
    if (enc === undefined) throw new Error(`charsets manifest: unknown codec ${codec} (${path})`);
    const half = createHash("sha1").update(path).digest()[0]! % 2 === 0 ? "tuning" : "checking";
    out.push({ path, codec, enc, half, family: path.split("/")[1] ?? "" });
  }
  return out;
}

/** The true text of a file: its bytes in its true encoding, without a byte-order mark. */
export function trueText(bytes: Uint8Array, enc: string): string | undefined {
  if (enc === "utf-16" || enc === "utf-32") {
    const le = bytes[0] === 0xff;
    return decodeAs(bytes.subarray(enc === "utf-16" ? 2 : 4), `${enc}${le ? "le" : "be"}`);
  }
  if (enc === "utf-8" && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeAs(bytes.subarray(3), enc);
  return decodeAs(bytes, enc);
}

/** A file's bytes with its declarations neutralised (same length), to test detection alone. */
export function undeclared(bytes: Uint8Array): Uint8Array {
  const s = Buffer.from(bytes).toString("latin1");
  const blank = (m: string) => " ".repeat(m.length);
  const out = s
    .replace(/^(\s*<\?xml[^>]*?)(encoding\s*=\s*["'][^"']*["'])/iu, (_, a: string, b: string) => a + blank(b))
    .replace(/charset\s*=\s*["']?[A-Za-z0-9._:-]+["']?/giu, blank);
  return Buffer.from(out, "latin1");
}

export type Outcome = "right" | "refused" | "WRONG";

export interface Result {
  file: CharsetFile;
  outcome: Outcome;
  /** What rasd chose or why it refused. */
  detail: string;
}

export function decodeFile(file: CharsetFile, mode: "as-is" | "undeclared" | "forced"): Result {
  let bytes: Uint8Array = readFileSync(join(CHARSETS, file.path));
  if (mode === "undeclared") bytes = undeclared(bytes);
  const html = /\.html?$/iu.test(file.path);
  const truth = file.enc === null ? undefined : trueText(bytes, file.enc);
  try {
    const forced = mode === "forced" && file.enc !== null ? file.enc.replace(/^utf-(16|32)$/u, "utf-$1le") : undefined;
    const d = decodeBytes(bytes, file.path, { html, forced });
    const outcome = truth !== undefined && d.text === truth ? "right" : "WRONG";
    return { file, outcome, detail: `${d.encoding} (${d.how}${d.why ? `: ${d.why}` : ""})` };
  } catch (e) {
    if (e instanceof RasdError && (e.code === "DECODE" || e.code === "USAGE") && e.message.includes(file.path))
      return { file, outcome: "refused", detail: e.message };
    throw e;
  }
}
