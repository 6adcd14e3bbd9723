/**
 * Mutations of real inputs, as fast-check arbitraries: what a scraper's bad day produces. A page is cut short, has
 * a slice deleted or repeated, gets junk spliced in (markup fragments, lone surrogates, control characters, bidi
 * overrides, NUL), or two slices swapped. Bytes get bit flips, stray high bytes and cut UTF-8 sequences.
 */
import fc from "fast-check";

/** Fragments that break parsers: unbalanced markup, entities, CDATA ends, comments, scripts, bidi controls. */
const FRAGMENTS = [
  "<div>",
  "</div>",
  "<p>",
  "</p",
  "<",
  ">",
  "&",
  "&#",
  "&#x110000;",
  "&amp",
  "<!--",
  "-->",
  "<![CDATA[",
  "]]>",
  "<script>",
  "</script>",
  "<style>",
  "<title>",
  "</html>",
  '<meta charset="windows-1256">',
  "<br/>",
  '"',
  "'",
  '<a href="javascript:alert(1)">',
  "<table><tr><td>",
  "<svg><svg><svg>",
  '<?xml version="1.0"?>',
  "<item>",
  "</item>",
  "<rss>",
  "<entry>",
  "{",
  "}",
  "[",
  "]",
  "\\",
  "\\u0000",
  '"text":',
  "\u202e",
  "\u200f",
  "\u061c",
  "\ufeff",
  "\ufffd",
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\r",
  "\r\n",
  "\u2028",
  "\u2029",
  "\u0640\u0640\u0640",
  "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652",
  "\ud800",
  "\udfff",
  "\udbff\udbff",
  "\ud83d",
  "١٢٣٬٤٥٦٫٧",
  "٪",
  "في ١٥ رمضان ١٤٣٦ هـ",
  "2015-13-45",
  "31/02/2015",
  "9999999999999999999999",
  "-0",
  "NaN",
  "1e308",
];

/** A short junk string: a fragment, arbitrary UTF-16 (lone surrogates included), or control characters. */
export const junk: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...FRAGMENTS),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
  fc.string({ unit: fc.constantFrom("\ud800", "\udc00", "\udbff", "\udfff", "a", "ب"), maxLength: 8 }),
);

type Op =
  | { kind: "truncate"; at: number }
  | { kind: "delete"; at: number; len: number }
  | { kind: "repeat"; at: number; len: number; times: number }
  | { kind: "insert"; at: number; what: string }
  | { kind: "swap"; a: number; b: number; len: number };

const frac = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: frac }),
  fc.record({ kind: fc.constant("delete" as const), at: frac, len: fc.integer({ min: 1, max: 4000 }) }),
  fc.record({
    kind: fc.constant("repeat" as const),
    at: frac,
    len: fc.integer({ min: 1, max: 400 }),
    times: fc.integer({ min: 2, max: 50 }),
  }),
  fc.record({ kind: fc.constant("insert" as const), at: frac, what: junk }),
  fc.record({ kind: fc.constant("insert" as const), at: frac, what: junk }),
  fc.record({ kind: fc.constant("swap" as const), a: frac, b: frac, len: fc.integer({ min: 1, max: 2000 }) }),
);

/** One to six mutations, applied in order. */
export const ops: fc.Arbitrary<Op[]> = fc.array(op, { minLength: 1, maxLength: 6 });

function apply(s: string, o: Op): string {
  const at = (f: number) => Math.floor(f * s.length);
  switch (o.kind) {
    case "truncate":
      return s.slice(0, at(o.at));
    case "delete":
      return s.slice(0, at(o.at)) + s.slice(at(o.at) + o.len);
    case "repeat": {
      const i = at(o.at);
      return s.slice(0, i) + s.slice(i, i + o.len).repeat(o.times) + s.slice(i);
    }
    case "insert":
      return s.slice(0, at(o.at)) + o.what + s.slice(at(o.at));
    case "swap": {
      const [i, j] = [at(o.a), at(o.b)].sort((x, y) => x - y) as [number, number];
      const len = Math.min(o.len, j - i);
      return s.slice(0, i) + s.slice(j, j + len) + s.slice(i + len, j) + s.slice(i, i + len) + s.slice(j + len);
    }
  }
}

/** `text` after the mutations. */
export function mutate(text: string, list: readonly Op[]): string {
  return list.reduce(apply, text);
}

/** Byte mutations for the decoder: bit flips, high bytes, a cut multi-byte sequence, a BOM or NUL put in. */
type ByteOp =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "put"; at: number; byte: number }
  | { kind: "cut"; at: number }
  | { kind: "prefix"; bytes: readonly number[] };

export const byteOps: fc.Arbitrary<ByteOp[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant("flip" as const), at: frac, bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({
      kind: fc.constant("put" as const),
      at: frac,
      byte: fc.oneof(fc.integer({ min: 0x80, max: 0xff }), fc.constant(0)),
    }),
    fc.record({ kind: fc.constant("cut" as const), at: frac }),
    fc.record({
      kind: fc.constant("prefix" as const),
      bytes: fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb], [0xd8]),
    }),
  ),
  { minLength: 1, maxLength: 8 },
);

export function mutateBytes(bytes: Uint8Array, list: readonly ByteOp[]): Uint8Array {
  let b = Uint8Array.from(bytes);
  for (const o of list) {
    if (o.kind === "prefix") {
      const out = new Uint8Array(b.length + o.bytes.length);
      out.set(o.bytes);
      out.set(b, o.bytes.length);
      b = out;
      continue;
    }
    if (b.length === 0) continue;
    const i = Math.min(b.length - 1, Math.floor(o.at * b.length));
    if (o.kind === "flip") b[i] = (b[i] ?? 0) ^ (1 << o.bit);
    else if (o.kind === "put") b[i] = o.byte;
    else b = b.subarray(0, i);
  }
  return b;
}
