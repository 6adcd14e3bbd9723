import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { decodePostings, encodePostings, postingsOf, type Posting } from "../../src/search/postings.js";
import { tieredMerges } from "../../src/search/compact.js";

const posting = fc.record({
  doc: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  tf: fc.integer({ min: 1, max: 100000 }),
  len: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  day: fc.oneof(fc.constant(0), fc.integer({ min: 15000101, max: 29991231 })),
});

test("compact postings round-trip, in doc order or not", () => {
  fc.assert(
    fc.property(fc.array(posting, { maxLength: 200 }), fc.boolean(), (ps, sorted) => {
      const list: Posting[] = (sorted ? [...ps].sort((a, b) => a.doc - b.doc) : ps).map((p) => ({ ...p }));
      assert.deepEqual(postingsOf(decodePostings(encodePostings(list))), list);
    }),
  );
});

test("compact postings are much smaller than the plain int32 form", () => {
  const ps: Posting[] = Array.from({ length: 1000 }, (_, i) => ({
    doc: 1000 + i * 3,
    tf: 1 + (i % 4),
    len: 200 + (i % 300),
    day: 20180301 + Math.floor(i / 100),
  }));
  assert.ok(encodePostings(ps).length < (ps.length * 16 * 4) / 3 / 2.5);
});

test("blocks written in the plain form (stores indexed before the compact form) still decode", () => {
  const buf = Buffer.alloc(32);
  [7, 2, 310, 20150723, 9, 1, 95, 0].forEach((v, i) => buf.writeInt32LE(v, i * 4));
  assert.deepEqual(postingsOf(decodePostings(buf.toString("base64"))), [
    { doc: 7, tf: 2, len: 310, day: 20150723 },
    { doc: 9, tf: 1, len: 95, day: 0 },
  ]);
});

test("tiered merging groups blocks of one size tier by fours, never lone blocks", () => {
  const b = (id: number, n: number): { id: string; term: string; n: number } => ({ id: String(id), term: "t", n });
  assert.deepEqual(tieredMerges([b(1, 1), b(2, 2), b(3, 3), b(4, 1), b(5, 900)]), [["1", "2", "3", "4"]]);
  assert.deepEqual(tieredMerges([b(1, 1), b(2, 5), b(3, 20), b(4, 100)]), []);
  assert.deepEqual(tieredMerges([b(1, 4), b(2, 5), b(3, 6), b(4, 15), b(5, 1)]), [["1", "2", "3", "4"]]);
});
