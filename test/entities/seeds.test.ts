import assert from "node:assert/strict";
import { test } from "node:test";
import { annotateEntities, EntityRegistry } from "../../src/annotate/entities/index.js";
import type { Article } from "../../src/core/types.js";
import { readGold, seedArticles } from "./seed-articles.js";

/** The fold check-seeds.py uses to compare names (harakat out, alef forms, ى, ة). */
function norm(s: string): string {
  return s
    .replace(/[\u064B-\u0652\u0640\u200c-\u200f]/gu, "")
    .replace(/[أإآٱ]/gu, "ا")
    .replace(/ى/gu, "ي")
    .replace(/ة/gu, "ه")
    .replace(/\s+/gu, " ")
    .trim();
}

/** (file, folded surface) → ids, over every mention and entity name, as check-seeds.py reads them. */
function idsBySurface(arts: Map<string, Article>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [file, a] of arts) {
    for (const e of a.entities) {
      for (const t of [...e.mentions.map((m) => m.text), e.name]) {
        const n = norm(t);
        for (const form of new Set([n, n.replace(/^[وبلفك]/u, "")])) {
          const k = `${file}|${form}`;
          if (!out.has(k)) out.set(k, new Set());
          out.get(k)!.add(e.id);
        }
      }
    }
  }
  return out;
}

const arts = seedArticles();
const registry = new EntityRegistry();
for (const a of arts.values()) a.entities = annotateEntities(a, registry);
const ids = idsBySurface(arts);
const gold = readGold();

test("every gold entity is found in each of its seed files", () => {
  const missing: string[] = [];
  for (const ent of gold.entities) {
    for (const f of ent.files) if (!ent.names.some((n) => ids.has(`${f}|${norm(n)}`))) missing.push(`${ent.id}@${f}`);
  }
  assert.deepEqual(missing, []);
});

test("all names of a gold entity carry one id, and no two gold entities share one", () => {
  const owner = new Map<string, Set<string>>();
  const split: string[] = [];
  for (const ent of gold.entities) {
    const seen = new Set<string>();
    for (const f of ent.files) for (const n of ent.names) for (const i of ids.get(`${f}|${norm(n)}`) ?? []) seen.add(i);
    if (seen.size > 1) split.push(`${ent.id}: ${[...seen].join(",")}`);
    for (const i of seen) owner.set(i, (owner.get(i) ?? new Set()).add(ent.id));
  }
  assert.deepEqual(split, []);
  assert.deepEqual(
    [...owner.entries()].filter(([, v]) => v.size > 1).map(([k, v]) => `${k}: ${[...v].join(",")}`),
    [],
  );
});

test("mention offsets slice back to the mention text, in the text or in their block", () => {
  for (const a of arts.values()) {
    for (const e of a.entities) {
      for (const m of [...e.mentions, ...(e.related ?? [])]) {
        const src = m.block === undefined ? a.text : a.blocks[m.block]!.text;
        assert.equal(src.slice(m.start, m.end), m.text);
      }
    }
  }
});

test("demonyms are related words of their place, never person mentions", () => {
  const a = arts.get("000")!;
  const us = a.entities.find((e) => e.id === "united-states");
  assert.ok(us?.related?.some((m) => norm(m.text) === norm("الأميركي")));
  for (const e of a.entities.filter((x) => x.type === "person")) {
    assert.ok(!e.mentions.some((m) => /^(ال)?(اميركي|امريكي|تركي|بريطاني)$/u.test(norm(m.text))), e.name);
  }
});
