import type { Encoding } from "./labels.js";

/**
 * UTF-32 (either byte order), which TextDecoder does not implement: every four bytes are one code point. Invalid
 * when the length is not a multiple of four, or a unit is a surrogate or past U+10FFFF.
 */
function decodeUtf32(bytes: Uint8Array, bigEndian: boolean): string | undefined {
  if (bytes.length % 4 !== 0) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const cp = view.getUint32(i, !bigEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    chunk.push(cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join("");
}

/**
 * windows-1252's 0x80–0x9F as the WHATWG index has them. Node 20's TextDecoder reads "windows-1252" (and its labels
 * "latin1", "ascii", "iso-8859-1") as ISO-8859-1, turning “ ” – — € into C1 control characters; rasd maps them itself.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(/[\x80-\x9f]/gu, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

/**
 * The bytes read in one encoding, or undefined when they are not valid in it (a multi-byte sequence broken, a byte
 * a single-byte table leaves undefined). Never throws.
 */
export function decodeAs(bytes: Uint8Array, enc: Encoding): string | undefined {
  if (enc === "utf-32le" || enc === "utf-32be") return decodeUtf32(bytes, enc === "utf-32be");
  if (enc === "windows-1252") return decodeWindows1252(bytes);
  try {
    return new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A byte-order mark, the encoding it announces and its length. UTF-32LE's mark starts like UTF-16LE's: tried first. */
export function bomOf(bytes: Uint8Array): { enc: Encoding; length: number } | undefined {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { enc: "utf-8", length: 3 };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0 && bytes.length % 4 === 0) return { enc: "utf-32le", length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { enc: "utf-32be", length: 4 };
  if (a === 0xff && b === 0xfe) return { enc: "utf-16le", length: 2 };
  if (a === 0xfe && b === 0xff) return { enc: "utf-16be", length: 2 };
  return undefined;
}

/** Whether every byte is ASCII: then every ASCII-compatible encoding reads the same text. */
export function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/**
 * Encodings whose bytes below 0x80 are not always ASCII: markup cannot be found or stripped in their bytes, and an
 * ASCII-only file is not text in them.
 */
export function asciiCompatible(enc: Encoding): boolean {
  return !/^(utf-16|utf-32|iso-2022-jp)/u.test(enc);
}
