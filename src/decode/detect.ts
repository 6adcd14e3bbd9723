import { createRequire } from "node:module";
import { asciiCompatible } from "./codec.js";
import { resolveLabel, type Encoding } from "./labels.js";
import { bytesWithoutMarkup } from "./strip.js";

/**
 * Detection of an undeclared encoding. The candidates come from jschardet 4 (a port of chardet 7: byte-level
 * language models for every single- and multi-byte family, Arabic code pages included); on the tuning half of
 * ../shared/corpus/charsets its first guess is right for all but a handful of files (scripts/charset-eval.ts), far
 * ahead of what a hand-written Arabic-only sniffer can do, and it tells Arabic code pages from Cyrillic, Greek, Hebrew,
 * Thai and the CJK encodings, which is what a wrong "windows-1256 (sniffed)" needs. rasd does not trust it blindly:
 * decode.ts decodes the guess and judges the words (judge.ts), and refuses what does not read as text.
 */

interface Candidate {
  encoding: string | null;
  confidence: number;
  language: string | null;
  mimeType: string | null;
}

interface Detector {
  detectAll(bytes: Uint8Array, options?: { minimumThreshold?: number }): Candidate[];
}

let detector: Detector | undefined;

/** Loaded on first use: 1.2 MB of models that a UTF-8-only run never needs. */
function load(): Detector {
  detector ??= createRequire(import.meta.url)("jschardet") as Detector;
  return detector;
}

export type Guess =
  | { enc: Encoding; confidence: number; language: string | null }
  | { unsupported: string; language: string | null }
  | { binary: string };

/** jschardet reads at most this many bytes; more only costs time. */
const DETECT_BYTES = 200_000;

/**
 * A runner-up is tried when the first guess does not read as text, if the detector rated it nearly as high: close
 * families (windows-1251 and MacCyrillic, ISO-8859-15 and windows-1252) score alike on short texts. Set on the
 * tuning half (a French text scored MacCyrillic 0.151, ISO-8859-15 0.135).
 */
export const RUNNER_UP_RATIO = 0.8;

function toGuess(c: Candidate): Guess {
  if (c.encoding == null) return { binary: c.mimeType ?? "unknown" };
  const enc = resolveLabel(c.encoding);
  if (enc === undefined) return { unsupported: c.encoding, language: c.language };
  if (typeof enc !== "string") return { unsupported: enc.unsupported, language: c.language };
  return { enc, confidence: c.confidence, language: c.language };
}

/**
 * The detector's guesses for bytes without a usable declaration, best first: the first, then the runners-up rated
 * nearly as high. The markup is removed first (for the ASCII-compatible families), so that a page's words, not its
 * tags, decide. An encoding rasd cannot decode, or binary data, as the first guess ends the list.
 */
export function guessEncodings(bytes: Uint8Array): Guess[] {
  const raw = bytes.subarray(0, DETECT_BYTES * 4);
  // NUL and ESC bytes: UTF-16/32 or ISO-2022, whose markup is not in ASCII bytes; judged on the raw bytes.
  if (raw.includes(0) || raw.includes(0x1b)) {
    const first = load().detectAll(raw.subarray(0, DETECT_BYTES), { minimumThreshold: 0 })[0];
    const g = first ? toGuess(first) : undefined;
    if (g !== undefined && "enc" in g && !asciiCompatible(g.enc)) return [g];
  }
  const text = bytesWithoutMarkup(raw).subarray(0, DETECT_BYTES);
  const all = load().detectAll(text.length > 0 ? text : raw.subarray(0, DETECT_BYTES), { minimumThreshold: 0 });
  const best = all[0];
  if (best === undefined) return [{ binary: "unknown" }];
  if (best.mimeType != null && !/^text\/|xml|json|html/u.test(best.mimeType)) return [{ binary: best.mimeType }];
  const first = toGuess(best);
  if (!("enc" in first)) return [first];
  const out: Guess[] = [first];
  for (const c of all.slice(1, 8)) {
    if (c.confidence < best.confidence * RUNNER_UP_RATIO) break;
    const g = toGuess(c);
    if ("enc" in g && !out.some((o) => "enc" in o && o.enc === g.enc)) out.push(g);
  }
  return out;
}
