/**
 * The packed form of a postings block (see migrations/002-search.ts): per posting four little-endian int32s,
 * doc, tf, len, day, as base64 text. One encoding for both drivers.
 */
export const POSTING_INTS = 4;

export interface Posting {
  doc: number;
  tf: number;
  len: number;
  day: number;
}

export function encodePostings(postings: readonly Posting[]): string {
  const buf = Buffer.alloc(postings.length * POSTING_INTS * 4);
  postings.forEach((p, i) => {
    const o = i * POSTING_INTS * 4;
    buf.writeInt32LE(p.doc, o);
    buf.writeInt32LE(p.tf, o + 4);
    buf.writeInt32LE(p.len, o + 8);
    buf.writeInt32LE(p.day, o + 12);
  });
  return buf.toString("base64");
}

/** The postings as one Int32Array: [doc, tf, len, day, doc, tf, len, day, …]. */
export function decodePostings(data: string): Int32Array {
  const bytes = Buffer.from(data, "base64");
  const n = Math.floor(bytes.byteLength / 4);
  if (bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, n);
  const out = new Int32Array(n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) out[i] = view.getInt32(i * 4, true);
  return out;
}
