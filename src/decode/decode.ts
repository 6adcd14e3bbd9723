import type { RasdError } from "../core/errors.js";
import { reasonError, said } from "../i18n/reasons.js";
import { bomOf, decodeAs, isAscii } from "./codec.js";
import { guessEncodings } from "./detect.js";
import { implausible, mainScript, textStats } from "./judge.js";
import { ARABIC_CODE_PAGES, resolveLabel, type Encoding } from "./labels.js";
import { documentDeclaration, type Declaration } from "./prescan.js";
import { withoutMarkup } from "./strip.js";

export type { Encoding } from "./labels.js";
export { encodingFromLabel } from "./labels.js";

/** The encodings named in messages as examples of what `--encoding` takes. */
export const ENCODINGS: readonly Encoding[] = ["utf-8", "utf-16le", "utf-16be", "windows-1256", "iso-8859-6"];

export interface Decoded {
  text: string;
  encoding: Encoding;
  /**
   * How the encoding was chosen: a byte-order mark, `--encoding`, the transport's label (an HTTP header), the
   * document's own declaration, valid UTF-8, plain ASCII, detection, or detection overruling a declaration the
   * bytes contradict.
   */
  how: "bom" | "forced" | "transport" | "declared" | "valid-utf-8" | "ascii" | "detected" | "corrected";
  /** The reason in words, for the decode diagnostic. */
  why?: string;
  /** A declaration the bytes contradicted, said for a warning. */
  contradiction?: string;
}

export interface DecodeOptions {
  /** `--encoding`: overrides everything but a byte-order mark. */
  forced?: string | undefined;
  /** The transport's label: an HTTP Content-Type charset, a record's encoding field. */
  transport?: string | undefined;
  /** Look for an HTML `<meta>` declaration too (an XML declaration is always looked for). */
  html?: boolean | undefined;
}

/** Valid UTF-8 with more control characters than this is binary, not text (a U+FFFD in the text is text). */
const UTF8_JUNK = 0.05;

/** Judged on this much text without markup: enough for every statistic, bounded for huge pages. */
const JUDGE_CHARS = 200_000;

function fail(input: string, why: string): RasdError {
  return reasonError("DECODE", said("cannotDecode", { input, why }), { input });
}

/** Why `text` does not read as text in `enc`, or undefined when it does. */
function judge(text: string, enc: Encoding): string | undefined {
  // Valid UTF-8 is not a guess (accidental validity is rare past a few bytes): only binary data that happens to be
  // valid is to be caught, and control characters catch it, in one pass over a sample.
  if (enc === "utf-8") {
    const sample = text.length > 65536 ? text.slice(0, 65536) : text;
    const junk = sample.match(/[\p{Cc}\p{Co}\p{Cn}]/gu)?.filter((c) => !/\s/u.test(c)).length ?? 0;
    return junk > sample.length * UTF8_JUNK ? `${junk} control or unassigned characters` : undefined;
  }
  const stats = textStats(withoutMarkup(text).slice(0, JUDGE_CHARS));
  const why = implausible(stats);
  if (why !== undefined) return why;
  // An Arabic code page decodes any byte: its reading must be Arabic words, not Latin or other letters it also has.
  if (ARABIC_CODE_PAGES.includes(enc) && stats.words > 0 && mainScript(stats) !== "arabic")
    return `its non-ASCII letters are not Arabic (mostly ${mainScript(stats)})`;
  return undefined;
}

const utf8Readings = new WeakMap<Uint8Array, string | null>();

/** The bytes as UTF-8 when they are valid and read as text (not binary), else undefined; computed once per buffer. */
function validUtf8(bytes: Uint8Array): string | undefined {
  let r = utf8Readings.get(bytes);
  if (r === undefined) {
    const text = decodeAs(bytes, "utf-8");
    r = text !== undefined && judge(text, "utf-8") === undefined ? text : null;
    utf8Readings.set(bytes, r);
  }
  return r ?? undefined;
}

function forcedDecode(bytes: Uint8Array, input: string, label: string): Decoded {
  const enc = resolveLabel(label);
  if (enc === undefined)
    throw reasonError("USAGE", said("unknownEncoding", { label, input, known: ENCODINGS.join(", ") }), { input });
  if (typeof enc !== "string")
    throw reasonError("USAGE", said("unsupportedEncoding", { enc: enc.unsupported, input }), { input });
  const text = decodeAs(bytes, enc);
  if (text === undefined) throw fail(input, `its bytes are not valid ${enc} (the --encoding given)`);
  return { text, encoding: enc, how: "forced", why: "--encoding" };
}

/** The undeclared case: UTF-8 when valid, else detection, judged. */
function detect(bytes: Uint8Array, input: string): Decoded {
  // ESC starts ISO-2022 shifts, NUL is UTF-16/32 (or binary): such bytes are ASCII but not ASCII text.
  const escape = bytes.includes(0x1b) || bytes.includes(0);
  if (!escape && isAscii(bytes)) return { text: decodeAs(bytes, "utf-8")!, encoding: "utf-8", how: "ascii" };
  const utf8 = escape ? undefined : validUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: "utf-8", how: "valid-utf-8" };
  const guesses = guessEncodings(bytes);
  const first = guesses[0]!;
  if ("binary" in first) throw reasonError("DECODE", said("binary", { input, what: first.binary }), { input });
  if ("unsupported" in first)
    throw fail(input, `it looks like ${first.unsupported}, which rasd does not decode (convert it to UTF-8 first)`);
  const tried: string[] = [];
  for (const g of guesses) {
    if (!("enc" in g)) continue;
    const text = decodeAs(bytes, g.enc);
    const bad = text === undefined ? "invalid bytes" : judge(text, g.enc);
    if (text !== undefined && bad === undefined) {
      const lang = g.language ? `, ${g.language}` : "";
      const over = tried.length ? `; not ${tried.join(", ")}` : "";
      return { text, encoding: g.enc, how: "detected", why: `detected${lang}${over}` };
    }
    tried.push(`${g.enc} (${bad})`);
  }
  throw fail(input, `no encoding reads it as text (tried ${tried.join("; ")})`);
}

function describe(d: Declaration | { where: "transport"; label: string }): string {
  if (d.where === "transport") return `the transport's charset=${d.label}`;
  if (d.where === "xml") return `its XML declaration (encoding="${d.label}")`;
  return `its <meta> charset ${d.label}${d.where === "meta-late" ? " (past the first 1,024 bytes)" : ""}`;
}

/**
 * A declared encoding, checked against the bytes. Valid UTF-8 wins over any other declaration (wrong declarations
 * are common, accidental validity rare); a declaration whose reading is not text is overruled by detection when
 * detection finds a reading that is, and refused otherwise.
 */
function declaredDecode(
  bytes: Uint8Array,
  input: string,
  decl: Declaration | { where: "transport"; label: string },
): Decoded | undefined {
  let enc = resolveLabel(decl.label);
  if (enc === undefined) return undefined; // an unknown label says nothing: detection decides
  if (typeof enc !== "string") throw fail(input, `${describe(decl)} names an encoding rasd does not decode`);
  // The HTML standard: a page cannot declare UTF-16 in its own ASCII bytes; such a declaration means UTF-8.
  if (decl.where !== "transport" && decl.where !== "xml" && /^utf-16/u.test(enc)) enc = "utf-8";
  const how = decl.where === "transport" ? "transport" : "declared";
  const utf8 = !isAscii(bytes) ? validUtf8(bytes) : undefined;
  if (utf8 !== undefined && enc !== "utf-8")
    return { text: utf8, encoding: "utf-8", how: "valid-utf-8", contradiction: `${describe(decl)}, but valid UTF-8` };
  if (utf8 !== undefined) return { text: utf8, encoding: enc, how, why: describe(decl) };
  const text = decodeAs(bytes, enc);
  const bad = text === undefined ? `its bytes are not valid ${enc}` : judge(text, enc);
  if (text !== undefined && bad === undefined) return { text, encoding: enc, how, why: describe(decl) };
  // The declared reading does not look like text: a second opinion. The detector agreeing with the declaration is
  // two independent signals (real text has odd words); a different guess that reads as text overrules it.
  if (text !== undefined) {
    const guess = guessEncodings(bytes)[0];
    if (guess !== undefined && "enc" in guess && guess.enc === enc)
      return { text, encoding: enc, how, why: `${describe(decl)}, confirmed by detection` };
  }
  let other: Decoded;
  try {
    other = detect(bytes, input);
  } catch {
    throw fail(input, `${describe(decl)} does not fit its bytes (${bad}) and no other encoding reads it as text`);
  }
  return {
    ...other,
    how: "corrected",
    why: `${describe(decl)} does not fit its bytes (${bad}); ${other.why ?? other.how}`,
    contradiction: `${describe(decl)}, but the bytes read as ${other.encoding}`,
  };
}

/**
 * Bytes to text, right or refused, never silently wrong. In order: a byte-order mark; `--encoding`; the transport's
 * label; the document's declaration (XML declaration, `<meta>` as the HTML prescan finds it, then further on);
 * detection. Every reading but a BOM's and `--encoding`'s is judged on its words (judge.ts); what does not read as
 * text is an error that names the input and says what to pass.
 */
export function decodeBytes(bytes: Uint8Array, input: string, opts: DecodeOptions = {}): Decoded {
  utf8Readings.delete(bytes); // the memo is for this call: a caller may change its buffer between calls
  const bom = bomOf(bytes);
  if (bom !== undefined) {
    const text = decodeAs(bytes.subarray(bom.length), bom.enc);
    if (text === undefined)
      throw fail(input, `it starts with a ${bom.enc} byte-order mark but its bytes are not valid`);
    return { text, encoding: bom.enc, how: "bom", why: `${bom.enc} byte-order mark` };
  }
  if (opts.forced !== undefined) return forcedDecode(bytes, input, opts.forced);
  if (opts.transport !== undefined) {
    const d = declaredDecode(bytes, input, { where: "transport", label: opts.transport });
    if (d !== undefined) return d;
  }
  // Valid UTF-8 is read as UTF-8 whatever a page declares: the declaration past the standard's window need not be
  // looked for then (it would only name a contradiction), which keeps the common case as cheap as it was.
  const plain = !bytes.includes(0) && !bytes.includes(0x1b);
  const late = !plain || isAscii(bytes) || validUtf8(bytes) === undefined;
  const declaration = documentDeclaration(bytes, opts.html === true, late);
  if (declaration !== undefined) {
    const d = declaredDecode(bytes, input, declaration);
    if (d !== undefined) return d;
  }
  return detect(bytes, input);
}
