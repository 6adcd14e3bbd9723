import { RasdError } from "../core/errors.js";

/** The encodings rasd reads. Arabic sites still serve the two legacy 8-bit ones. */
export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1256" | "iso-8859-6";

export const ENCODINGS: readonly Encoding[] = ["utf-8", "utf-16le", "utf-16be", "windows-1256", "iso-8859-6"];

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** How the encoding was chosen, for diagnostics. */
  how: "bom" | "declared" | "forced" | "valid-utf-8" | "sniffed";
}

const ALIASES: Record<string, Encoding> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "utf-16": "utf-16le",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
  "windows-1256": "windows-1256",
  cp1256: "windows-1256",
  "x-cp1256": "windows-1256",
  "iso-8859-6": "iso-8859-6",
  "iso8859-6": "iso-8859-6",
  "iso_8859-6": "iso-8859-6",
  arabic: "iso-8859-6",
  "asmo-708": "iso-8859-6",
};

/** Maps a charset label from a page or the command line to one we read, or undefined. */
export function encodingFromLabel(label: string): Encoding | undefined {
  return ALIASES[label.trim().toLowerCase()];
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

/** The charset an HTML page declares in its first 4 KB, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  return META_CHARSET.exec(head)?.[1];
}

function decodeWith(bytes: Uint8Array, enc: Encoding): string | undefined {
  try {
    return new TextDecoder(enc, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Share of characters that look like text: letters, marks, digits, spaces, punctuation. Binary data decoded as an
 * 8-bit code page is full of control characters and symbols; real text is not.
 */
function textLikeness(s: string): number {
  if (s.length === 0) return 0;
  const sample = s.length > 65536 ? s.slice(0, 65536) : s;
  const junk = sample.match(/[\p{Cc}\p{Co}\p{Cn}\uFFFD]/gu)?.filter((c) => c !== "\n" && c !== "\r" && c !== "\t");
  return 1 - (junk?.length ?? 0) / sample.length;
}

/** Share of letters that are Arabic: a legacy Arabic code page must give mostly Arabic letters. */
function arabicShare(s: string): number {
  const sample = s.length > 65536 ? s.slice(0, 65536) : s;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return 0;
  const arabic = sample.match(/\p{Script=Arabic}/gu)?.length ?? 0;
  return arabic / letters;
}

function hasNul(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Bytes to text, never silently wrong: a BOM wins, then a forced or declared charset, then valid UTF-8, then the
 * Arabic code page (windows-1256 or ISO-8859-6) whose reading looks like Arabic text. Anything else is an error that
 * names the input and says what to do.
 */
export function decodeBytes(bytes: Uint8Array, input: string, opts: { forced?: string; html?: boolean } = {}): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeWith(bytes.subarray(3), "utf-8");
    if (text !== undefined) return { text, encoding: "utf-8", how: "bom" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decodeWith(bytes.subarray(2), "utf-16le");
    if (text !== undefined) return { text, encoding: "utf-16le", how: "bom" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decodeWith(bytes.subarray(2), "utf-16be");
    if (text !== undefined) return { text, encoding: "utf-16be", how: "bom" };
  }
  if (opts.forced !== undefined) {
    const enc = encodingFromLabel(opts.forced);
    if (enc === undefined) {
      throw new RasdError(
        "USAGE",
        `unknown encoding "${opts.forced}" for "${input}"; use one of ${ENCODINGS.join(", ")}`,
        { input },
      );
    }
    const text = decodeWith(bytes, enc);
    if (text === undefined)
      throw new RasdError("DECODE", `cannot decode "${input}" as ${enc}: invalid bytes`, { input });
    return { text, encoding: enc, how: "forced" };
  }
  if (hasNul(bytes)) {
    throw new RasdError(
      "DECODE",
      `"${input}" looks binary (it contains NUL bytes), not a text or HTML page; skip it or convert it to text`,
      { input },
    );
  }
  const declared = opts.html ? declaredCharset(bytes) : undefined;
  const declaredEnc = declared === undefined ? undefined : encodingFromLabel(declared);
  const utf8 = decodeWith(bytes, "utf-8");
  // A page that is valid UTF-8 is UTF-8 whatever it declares: wrong declarations are common, accidental validity rare.
  if (utf8 !== undefined && textLikeness(utf8) > 0.95) {
    return { text: utf8, encoding: "utf-8", how: declaredEnc === "utf-8" ? "declared" : "valid-utf-8" };
  }
  if (declaredEnc !== undefined && declaredEnc !== "utf-8") {
    const text = decodeWith(bytes, declaredEnc);
    if (text !== undefined && textLikeness(text) > 0.95) return { text, encoding: declaredEnc, how: "declared" };
  }
  const readings = (["windows-1256", "iso-8859-6"] as const)
    .map((enc) => ({ enc, text: decodeWith(bytes, enc) }))
    .filter((r): r is { enc: Encoding & ("windows-1256" | "iso-8859-6"); text: string } => r.text !== undefined)
    .map((r) => ({ ...r, score: textLikeness(r.text) + arabicShare(r.text) }))
    .sort((a, b) => b.score - a.score);
  const best = readings[0];
  if (best !== undefined && textLikeness(best.text) > 0.97 && arabicShare(best.text) > 0.5) {
    return { text: best.text, encoding: best.enc, how: "sniffed" };
  }
  throw new RasdError(
    "DECODE",
    `cannot decode "${input}" as UTF-8, UTF-16, windows-1256 or ISO-8859-6 text; if it is text in another encoding, pass --encoding`,
    { input },
  );
}
