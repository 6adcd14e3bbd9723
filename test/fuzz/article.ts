/**
 * The invariants of an Article (DESIGN.md, src/core/types.ts) that must hold whatever page it came from: every
 * annotation's offsets slice back to its surface, roles and dates are well formed, and no stage crashed (a stage
 * that throws something other than a RasdError is a bug the pipeline hides as a `stage-failed` diagnostic).
 */
import assert from "node:assert/strict";
import { BLOCK_ROLES, type Article } from "../../src/core/types.js";
import { assertSpan } from "./harness.js";

const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/u;

function spanText(a: Article, block: number | undefined, what: string): string {
  if (block === undefined) return a.text;
  const b = a.blocks[block];
  assert.ok(b !== undefined, `${what}: block ${block} does not exist (${a.blocks.length} blocks)`);
  return b.text;
}

export function assertArticle(a: Article, input: string): void {
  const where = (what: string) => `${input}: ${what}`;
  const crashed = a.messages.filter((m) => m.rule === "stage-failed");
  assert.deepEqual(
    crashed.map((m) => m.reason),
    [],
    where("a stage crashed"),
  );
  assert.equal(typeof a.text, "string");
  assert.equal(typeof a.title, "string");
  for (const b of a.blocks) {
    assert.ok(BLOCK_ROLES.includes(b.role), where(`unknown block role ${b.role}`));
    assert.equal(typeof b.text, "string");
  }
  if (a.published.date !== null) assert.match(a.published.date, ISO, where("published.date is not ISO"));
  for (const d of a.dates) {
    assertSpan(spanText(a, d.block, "date"), d, where(`date "${d.text}"`));
    if (d.value !== null) assert.match(d.value, ISO, where(`date value ${d.value}`));
  }
  for (const f of a.figures) {
    assertSpan(spanText(a, f.block, "figure"), f, where(`figure "${f.text}"`));
    assert.ok(typeof f.value === "number" && !Number.isNaN(f.value), where(`figure value ${f.value}`));
  }
  for (const q of a.quotes) assertSpan(spanText(a, q.block, "quote"), q, where("quote"));
  for (const e of a.entities) {
    for (const m of e.mentions) assertSpan(spanText(a, m.block, "mention"), m, where(`mention of ${e.name}`));
  }
  // The Article is JSON: it must survive a round trip (no undefined in arrays, no cycles, no lone-surrogate breakage).
  assert.doesNotThrow(() => JSON.parse(JSON.stringify(a)));
}
