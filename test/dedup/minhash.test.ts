import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { loadHasher } from "../../src/core/hash.js";
import { DedupIndex, type DedupEntry } from "../../src/dedup/dedup-index.js";
import { bandKeys, decodeSignature, encodeSignature, estimateJaccard, signature } from "../../src/dedup/minhash.js";
import { identityWords, shingleHashes, shinglesOfWords } from "../../src/dedup/shingles.js";
import { hash32 } from "../../src/core/hash.js";
import { fmix32 } from "../../src/core/fmix.js";

await loadHasher();

// Invented Arabic text, not from any corpus.
const BASE =
  "أعلنت وزارة الزراعة اليوم عن خطة جديدة لزيادة إنتاج القمح في المحافظات الشمالية خلال العام المقبل وقال الوزير إن الخطة " +
  "تشمل توزيع بذور محسنة على المزارعين وإنشاء قنوات ري حديثة وتدريب المهندسين على أساليب الزراعة الحديثة في الحقول";

function entry(id: string, text: string, day: number | null, seq: number): DedupEntry {
  const sh = shingleHashes(text);
  return { id, exactKey: identityWords(text).join(" "), sig: signature(sh), shingles: sh.length, day, seq };
}

test("identity words fold hamza seats and harakat, so a re-spelt copy has the same words", () => {
  assert.deepEqual(identityWords("أعلنَت الوزارةُ"), identityWords("اعلنت الوزاره"));
});

test("a signature estimates Jaccard: identical texts 1, unrelated texts near 0", () => {
  const a = signature(shingleHashes(BASE));
  assert.equal(estimateJaccard(a, signature(shingleHashes(BASE))), 1);
  const other = signature(
    shingleHashes("فاز الفريق المحلي بالمباراة النهائية بهدفين نظيفين أمام جمهور كبير في الملعب الجديد مساء أمس"),
  );
  assert.ok(estimateJaccard(a, other) < 0.1);
});

test("property: the estimate is within 0.3 of the true Jaccard of word 3-shingles", () => {
  const words = BASE.split(" ");
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: words.length - 4 }),
      fc.integer({ min: 4, max: words.length }),
      (cut, keep) => {
        const b = words.slice(cut, Math.max(cut + 4, keep)).join(" ");
        const sa = new Set(shingleHashes(BASE));
        const sb = new Set(shingleHashes(b));
        const inter = [...sa].filter((x) => sb.has(x)).length;
        const truth = inter / (sa.size + sb.size - inter);
        const est = estimateJaccard(signature(Uint32Array.from(sa)), signature(Uint32Array.from(sb)));
        return Math.abs(est - truth) <= 0.3;
      },
    ),
  );
});

test("signatures survive the store's encoding", () => {
  const s = signature(shingleHashes(BASE));
  assert.deepEqual(decodeSignature(encodeSignature(s)), s);
  assert.equal(bandKeys(s).length, 16);
});

test("an exact copy and a near copy are linked to the original; an unrelated text is not", () => {
  const idx = new DedupIndex();
  const orig = entry("a", BASE, 10, 1);
  assert.equal(idx.check(orig), null);
  idx.add(orig, null);
  const copy = entry("b", BASE.replace("أعلنت", "اعلنت"), 10, 2);
  assert.deepEqual(idx.check(copy), { original: "a", kind: "exact", similarity: 1 });
  const near = entry("c", "(رويترز) " + BASE + " وأضاف أن التنفيذ يبدأ الشهر المقبل", 11, 3);
  const m = idx.check(near);
  assert.equal(m?.original, "a");
  assert.equal(m?.kind, "near");
  const other = entry(
    "d",
    "فاز الفريق المحلي بالمباراة النهائية بهدفين نظيفين أمام جمهور كبير في الملعب الجديد مساء أمس",
    10,
    4,
  );
  assert.equal(idx.check(other), null);
});

test("a copy seen before its original: the earlier-dated article becomes the group's original", () => {
  const idx = new DedupIndex();
  const late = entry("late", BASE, 12, 1);
  idx.add(late, null);
  const early = entry("early", BASE, 9, 2);
  const m = idx.check(early);
  assert.equal(m?.original, "late");
  const relinked = idx.add(early, m);
  assert.deepEqual(relinked, [{ id: "late", original: "early" }]);
  assert.equal(idx.check(entry("third", BASE, 13, 3))?.original, "early");
});

test("shingle hashes are the hashes of the words' 3-grams joined by a space (stored signatures stay comparable)", () => {
  const word = fc.constantFrom("وزارة", "الزراعة", "القمح", "خطة", "أعلنت", "2016", "a", "ب");
  fc.assert(
    fc.property(fc.array(word, { maxLength: 30 }), (words) => {
      const expected = new Set<number>();
      if (words.length > 0 && words.length < 3) expected.add(hash32(words.join(" ")) >>> 0);
      for (let i = 0; i + 3 <= words.length; i++) expected.add(hash32(words.slice(i, i + 3).join(" ")) >>> 0);
      assert.deepEqual([...shinglesOfWords(words)].sort(), [...expected].sort());
    }),
  );
  // Any text at all, astral characters, lone surrogates and spaces inside a word included: the in-place hashing
  // encodes as the platform does and finds the words' bounds either way.
  const anyWord = fc.oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 8 }),
    fc.constantFrom("ا ب", " ", "x  y"),
  );
  fc.assert(
    fc.property(fc.array(anyWord, { minLength: 3, maxLength: 12 }), (words) => {
      const expected = new Set<number>();
      for (let i = 0; i + 3 <= words.length; i++) expected.add(hash32(words.slice(i, i + 3).join(" ")) >>> 0);
      assert.deepEqual([...shinglesOfWords(words)].sort(), [...expected].sort());
    }),
  );
});

test("property: a signature is min over shingles of fmix32(shingle XOR seed_i) (stored signatures stay comparable)", () => {
  // The seeds as minhash.ts derives them, and the definition of the signature, written out plainly.
  const seeds: number[] = [];
  for (let i = 0, x = 0x9e3779b9; i < 64; i++) seeds.push((x = fmix32((x + 0x6d2b79f5) >>> 0)));
  fc.assert(
    fc.property(fc.uint32Array({ maxLength: 200 }), (shingles) => {
      const expected = seeds.map((s) => Math.min(0xffffffff, ...[...shingles].map((x) => fmix32((x ^ s) >>> 0))));
      assert.deepEqual([...signature(shingles)], expected);
    }),
  );
});
