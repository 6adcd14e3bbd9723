import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { KeyCounts } from "../../src/cluster/key-counts.js";
import { termKey, TermVector } from "../../src/cluster/vector.js";

// The sorted-array vectors and the key-count table replace Maps of strings on the clustering's hot path; these
// properties hold them to what the Maps computed.

const term = fc.constantFrom(
  "بركسل",
  "ناتو",
  "هجوم",
  "زلزال",
  "تركيا",
  "انجرليك",
  "كارتر",
  "داعش",
  "a",
  "b",
  "2016",
  "قاعده",
  "وزير",
  "ب",
);
const weight = fc.double({ min: 0.001, max: 10, noNaN: true });
const entries = fc.uniqueArray(fc.tuple(term, weight), { selector: ([t]) => t, maxLength: 14 });

/** The Map arithmetic the vectors replace. */
function mapAdd(m: Map<string, number>, v: readonly (readonly [string, number])[], scale: number): void {
  for (const [t, w] of v) m.set(t, (m.get(t) ?? 0) + w * scale);
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

test("property: a vector built by adds holds what a Map would, sorted by key", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(entries, fc.constantFrom(1, 0.5, 2)), { maxLength: 6 }), (adds) => {
      const v = new TermVector();
      const m = new Map<string, number>();
      for (const [e, scale] of adds) {
        v.addScaled(TermVector.of(e), scale);
        mapAdd(m, e, scale);
      }
      assert.equal(v.size, m.size);
      for (const [t, w] of m) assert.equal(v.get(t), w, t);
      for (let i = 1; i < v.keys.length; i++) assert.ok(v.keys[i - 1]! < v.keys[i]!);
      assert.deepEqual(v.keys, v.names.map(termKey));
    }),
  );
});

test("property: dot and shared are the Map dot product and the common terms", () => {
  fc.assert(
    fc.property(entries, entries, (a, b) => {
      const mb = new Map(b);
      let d = 0;
      const common = new Set<string>();
      for (const [t, w] of a) {
        const y = mb.get(t);
        if (y !== undefined) {
          d += w * y;
          common.add(t);
        }
      }
      const va = TermVector.of(a);
      const vb = TermVector.of(b);
      assert.ok(close(va.dot(vb), d));
      assert.ok(close(vb.dot(va), d));
      assert.deepEqual(new Set(va.shared(vb).map(([t]) => t)), common);
    }),
  );
});

test("property: top and keepTop keep the heaviest terms, ties to the term that sorts first", () => {
  const tiedWeights = fc.uniqueArray(fc.tuple(term, fc.constantFrom(1, 2, 3)), { selector: ([t]) => t, maxLength: 14 });
  fc.assert(
    fc.property(fc.oneof(entries, tiedWeights), fc.integer({ min: 0, max: 16 }), (e, k) => {
      const expected = [...e].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, k);
      const v = TermVector.of(e);
      assert.deepEqual(
        v.top(k).map((i) => v.names[i]),
        expected.map(([t]) => t),
      );
      v.keepTop(k);
      assert.deepEqual(new Set(v.names), new Set(expected.map(([t]) => t)));
      for (let i = 1; i < v.keys.length; i++) assert.ok(v.keys[i - 1]! < v.keys[i]!);
      for (const [t, w] of expected) assert.equal(v.get(t), w);
    }),
  );
});

test("term keys differ over a real-sized vocabulary", () => {
  // 200,000 distinct invented strings: no two share a key (a clash would make two words one in a comparison).
  const seen = new Set<number>();
  for (let i = 0; i < 200_000; i++) {
    const t = `ك${i.toString(36)}ت`;
    const k = termKey(t);
    assert.ok(Number.isSafeInteger(k) && k >= 0 && k < 2 ** 52);
    assert.ok(!seen.has(k), `${t} shares a key`);
    seen.add(k);
  }
});

test("property: the key-count table counts as a Map does, through growth", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 52 - 1 }), fc.integer({ min: 1, max: 5 })), { maxLength: 300 }),
      fc.integer({ min: 0, max: 40 }),
      (adds, reuse) => {
        const table = new KeyCounts(16);
        const m = new Map<number, number>();
        // Reuse some keys so that counts accumulate as well as grow the table.
        const keys = adds.map(([k], i) => (i >= reuse && reuse > 0 ? adds[i % reuse]![0] : k));
        keys.forEach((k, i) => {
          const n = (m.get(k) ?? 0) + adds[i]![1];
          m.set(k, n);
          assert.equal(table.add(k, adds[i]![1]), n);
        });
        assert.equal(table.size, m.size);
        for (const [k, n] of m) assert.equal(table.get(k), n);
        assert.equal(table.get(2 ** 52 + 7), 0);
      },
    ),
  );
});
