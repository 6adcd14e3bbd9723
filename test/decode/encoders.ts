/**
 * Encoders for tests, built by inverting the platform's decoders (Node has no legacy encoders): every single byte,
 * and for the double-byte families every lead/trail pair, decoded once and mapped back.
 */
import { decodeAs } from "../../src/decode/codec.js";

const tables = new Map<string, Map<string, number[]>>();

function table(enc: string): Map<string, number[]> {
  let t = tables.get(enc);
  if (t) return t;
  t = new Map();
  for (let b = 0; b < 0x100; b++) {
    const ch = decodeAs(Uint8Array.of(b), enc);
    if (ch !== undefined && [...ch].length === 1 && !t.has(ch)) t.set(ch, [b]);
  }
  if (/^(gbk|gb18030|big5|euc-kr|euc-jp|shift_jis)$/u.test(enc)) {
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const ch = decodeAs(Uint8Array.of(lead, trail), enc);
        if (ch !== undefined && [...ch].length === 1 && !t.has(ch)) t.set(ch, [lead, trail]);
      }
  }
  tables.set(enc, t);
  return t;
}

/** `text` in `enc`; throws on a character the encoding lacks (tests write only what it has). */
export function encode(text: string, enc: string): Uint8Array {
  if (enc === "utf-8") return new TextEncoder().encode(text);
  const t = table(enc);
  const out: number[] = [];
  for (const ch of text) {
    const bytes = t.get(ch);
    if (bytes === undefined) throw new Error(`${JSON.stringify(ch)} has no bytes in ${enc}`);
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}

/** `text` in `enc`, characters it lacks written as HTML character references (as a page would). */
export function encodeHtml(text: string, enc: string): Uint8Array {
  const t = table(enc);
  const out: number[] = [];
  for (const ch of text) {
    const bytes = t.get(ch);
    if (bytes !== undefined) out.push(...bytes);
    else for (const c of `&#${ch.codePointAt(0)};`) out.push(c.charCodeAt(0));
  }
  return Uint8Array.from(out);
}
