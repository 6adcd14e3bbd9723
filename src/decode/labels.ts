/**
 * Charset labels → the encodings rasd decodes. Every encoding of the WHATWG Encoding Standard that Node's TextDecoder
 * implements is read through it (its label table is the standard's, so `latin1` is windows-1252 and `gb2312` is GBK,
 * as browsers read them); UTF-32 is decoded by rasd itself (utf32.ts). A few names that pages, records and detectors
 * use but the standard does not list (`cp949`, `maccyrillic`, `utf-32`…) are mapped here.
 */

/** An encoding rasd can decode: a WHATWG encoding name as TextDecoder reports it, or one of the UTF-32 forms. */
export type Encoding = string;

/** Encodings named by pages or detectors that rasd cannot decode, with what to tell the user. */
export interface Unsupported {
  unsupported: string;
}

const EXTRA: Record<string, string> = {
  cp949: "euc-kr",
  uhc: "euc-kr",
  "windows-949": "euc-kr",
  cp932: "shift_jis",
  "ms-kanji": "shift_jis",
  shift_jis_2004: "shift_jis",
  "shift-jisx0213": "shift_jis",
  "euc-jis-2004": "euc-jp",
  "euc-jisx0213": "euc-jp",
  big5hkscs: "big5",
  cp950: "big5",
  cp936: "gbk",
  "windows-936": "gbk",
  cp874: "windows-874",
  maccyrillic: "x-mac-cyrillic",
  "mac-cyrillic": "x-mac-cyrillic",
  macroman: "macintosh",
  "mac-roman": "macintosh",
  "utf-8-sig": "utf-8",
  "utf-16-le": "utf-16le",
  "utf-16-be": "utf-16be",
  "iso2022-jp": "iso-2022-jp",
  "iso2022-jp-ext": "iso-2022-jp",
  "iso2022-jp-2": "iso-2022-jp",
  "iso2022-jp-2004": "iso-2022-jp",
  "utf-32": "utf-32le",
  "utf-32le": "utf-32le",
  "utf-32-le": "utf-32le",
  "utf-32be": "utf-32be",
  "utf-32-be": "utf-32be",
  "ucs-4": "utf-32le",
  "iso-8859-6-e": "iso-8859-6",
  "iso8859-6": "iso-8859-6",
  "iso_8859-6:1987": "iso-8859-6",
};

/**
 * Encodings that exist but that rasd does not decode: the WHATWG "replacement" labels (ISO-2022-KR/CN, HZ: the
 * standard refuses them because they hide markup), DOS and Mac code pages outside the standard, EBCDIC.
 */
const UNSUPPORTED = new Set([
  "iso-2022-kr",
  "csiso2022kr",
  "iso-2022-cn",
  "iso-2022-cn-ext",
  "hz-gb-2312",
  "ibm855",
  "cp855",
  "johab",
  "cp864",
  "ibm864",
  "cp720",
  "euc-tw",
  "x-euc-tw",
  "iso-8859-16",
  "x-user-defined",
  "utf-7",
  "cp437",
  "cp850",
  "cp852",
  "cp869",
  "cp1125",
  "koi8-t",
  "macgreek",
  "mac-greek",
  "maclatin2",
  "mac-latin2",
  "hp-roman8",
]);

/** The encoding a label names: one rasd decodes, one it knows but cannot decode, or undefined (no such label). */
export function resolveLabel(label: string): Encoding | Unsupported | undefined {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/gu, "");
  if (l === "") return undefined;
  const extra = EXTRA[l];
  if (extra !== undefined) return extra;
  if (UNSUPPORTED.has(l) || /^(cp|ibm)(0?37|273|500|875|10[0-9]{2}|11[0-9]{2})$/u.test(l)) return { unsupported: l };
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return undefined;
  }
}

/** Resolves a label to an encoding rasd decodes, or undefined (unknown or not supported). */
export function encodingFromLabel(label: string): Encoding | undefined {
  const r = resolveLabel(label);
  return typeof r === "string" ? r : undefined;
}

/** Single-byte Arabic code pages: they decode any byte, so only the text can tell them apart. */
export const ARABIC_CODE_PAGES: readonly Encoding[] = ["windows-1256", "iso-8859-6"];
