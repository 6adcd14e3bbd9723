import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { fnv64 } from "../../src/annotate/entities/ids.js";

// Entity ids are stored: the hash must stay FNV-1a 64 over UTF-16 code units, whatever arithmetic computes it.

function reference(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, "0");
}

test("fnv64 is FNV-1a 64 (published test vectors)", () => {
  assert.equal(fnv64(""), "cbf29ce484222325");
  assert.equal(fnv64("a"), "af63dc4c8601ec8c");
  assert.equal(fnv64("foobar"), "85944171f73967e8");
});

test("fnv64 equals the BigInt definition on any string", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => assert.equal(fnv64(s), reference(s))),
    { numRuns: 3000 },
  );
  for (const s of ["آشتون كارتر", "الدولة الإسلامية", "\uffff\uffff\uffff", "\u0000"])
    assert.equal(fnv64(s), reference(s));
});
