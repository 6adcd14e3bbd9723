import { test } from "node:test";
import assert from "node:assert/strict";
import { loadHasher } from "../../src/core/hash.js";
import { DedupIndex, type DedupEntry } from "../../src/dedup/dedup-index.js";
import { signature } from "../../src/dedup/minhash.js";
import { identityWords, shingleHashes } from "../../src/dedup/shingles.js";

await loadHasher();

// Invented Arabic texts, not from any corpus.
const TEXTS = [
  "أعلنت وزارة الزراعة اليوم عن خطة جديدة لزيادة إنتاج القمح في المحافظات الشمالية خلال العام المقبل",
  "فاز الفريق المحلي بالمباراة النهائية بهدفين نظيفين أمام جمهور كبير في الملعب الجديد مساء أمس",
  "افتتح وزير الصحة مستشفى جديدا في العاصمة يضم مئتي سرير وأقساما للطوارئ والأطفال والجراحة",
];

function entry(id: string, text: string, day: number | null, seq: number): DedupEntry {
  const sh = shingleHashes(text);
  return { id, exactKey: identityWords(text).join(" "), sig: signature(sh), shingles: sh.length, day, seq };
}

test("retireOld drops entries old by position and by day; a copy group stays whole while a member is young", () => {
  const idx = new DedupIndex();
  idx.add(entry("a", TEXTS[0]!, 10, 1), null);
  idx.add(entry("b", TEXTS[1]!, 10, 2), null);
  // A copy of "b" much later: the group b + b2 stays while b2 is young.
  const b2 = entry("b2", TEXTS[1]!, 100, 3);
  idx.add(b2, idx.check(b2));
  idx.add(entry("c", TEXTS[2]!, 100, 4), null);
  // Entries 0..1 are idle (more than 1 added after them); days before 100 - 30 are old.
  assert.equal(idx.retireOld(100, 30, 1), 1);
  assert.equal(idx.size, 3);
  assert.equal(idx.check(entry("a2", TEXTS[0]!, 101, 5)), null);
  assert.equal(idx.check(entry("b3", TEXTS[1]!, 101, 6))?.original, "b");
  assert.equal(idx.check(entry("c2", TEXTS[2]!, 101, 7))?.original, "c");
  // Nothing old enough: nothing dropped.
  assert.equal(idx.retireOld(100, 30, 1), 0);
});
