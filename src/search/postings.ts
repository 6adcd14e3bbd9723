/**
 * The packed forms of a postings block (see migrations/002-search.ts and 007-search-compact.ts). Two forms, both
 * text, both read by `decodePostings`, so a store written before the compact form stays searchable:
 *
 * - v1 (plain base64): per posting four little-endian int32s, doc, tf, len, day.
 * - v2 (`~` + base64): per posting four unsigned LEB128 varints: doc − previous doc, tf, len, zigzag(day − previous
 *   day). Postings are in doc order and neighbouring docs share a day, so a posting takes about 5 bytes instead of
 *   16: ~3× less text to read out of the store, which is where a query spends its time. `~` is not a base64
 *   character, so the forms cannot be confused.
 */
export const POSTING_INTS = 4;

const V2 = "~";

export interface Posting {
  doc: number;
  tf: number;
  len: number;
  day: number;
}

export function encodePostings(postings: readonly Posting[]): string {
  const buf = Buffer.alloc(postings.length * 4 * 5);
  let o = 0;
  let prevDoc = 0;
  let prevDay = 0;
  const put = (v: number): void => {
    let x = v >>> 0;
    while (x >= 0x80) {
      buf[o++] = (x & 0x7f) | 0x80;
      x >>>= 7;
    }
    buf[o++] = x;
  };
  for (const p of postings) {
    put(p.doc - prevDoc);
    put(p.tf);
    put(p.len);
    const d = p.day - prevDay;
    put((d << 1) ^ (d >> 31));
    prevDoc = p.doc;
    prevDay = p.day;
  }
  return V2 + buf.toString("base64", 0, o);
}

/** The postings as one Int32Array: [doc, tf, len, day, doc, tf, len, day, …]. */
export function decodePostings(data: string): Int32Array {
  return data.startsWith(V2) ? decodeV2(data) : decodeV1(data);
}

/** A decoded block back as postings (compaction re-encodes merged blocks). */
export function postingsOf(ints: Int32Array): Posting[] {
  const out: Posting[] = [];
  for (let i = 0; i + 3 < ints.length; i += 4)
    out.push({ doc: ints[i]!, tf: ints[i + 1]!, len: ints[i + 2]!, day: ints[i + 3]! });
  return out;
}

function decodeV1(data: string): Int32Array {
  const bytes = Buffer.from(data, "base64");
  const n = Math.floor(bytes.byteLength / 4);
  if (bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, n);
  const out = new Int32Array(n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) out[i] = view.getInt32(i * 4, true);
  return out;
}

function decodeV2(data: string): Int32Array {
  const bytes = Buffer.from(data.slice(1), "base64");
  // Every posting takes at least four bytes, so bytes.length ints always suffice.
  const out = new Int32Array(bytes.length);
  let o = 0;
  let i = 0;
  let doc = 0;
  let day = 0;
  const len = bytes.length;
  while (i < len) {
    for (let f = 0; f < 4; f++) {
      let x = 0;
      let shift = 0;
      let b: number;
      do {
        b = bytes[i++]!;
        x |= (b & 0x7f) << shift;
        shift += 7;
      } while (b >= 0x80 && i < len);
      if (f === 0) out[o++] = doc += x;
      else if (f === 3) out[o++] = day += (x >>> 1) ^ -(x & 1);
      else out[o++] = x;
    }
  }
  return out.subarray(0, o - (o % 4));
}
