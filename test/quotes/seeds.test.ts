import assert from "node:assert/strict";
import { test } from "node:test";
import { annotateEntities, EntityRegistry } from "../../src/annotate/entities/index.js";
import { annotateQuotes } from "../../src/annotate/quotes/index.js";
import { readGold, seedArticles } from "../entities/seed-articles.js";

function norm(s: string): string {
  return s
    .replace(/[\u064B-\u0652\u0640\u200c-\u200f]/gu, "")
    .replace(/[أإآٱ]/gu, "ا")
    .replace(/ى/gu, "ي")
    .replace(/ة/gu, "ه")
    .replace(/\s+/gu, " ")
    .trim();
}

test("at least 26 of the 28 gold quotes are found with the right speaker", () => {
  const arts = seedArticles();
  const registry = new EntityRegistry();
  for (const a of arts.values()) a.entities = annotateEntities(a, registry);
  for (const a of arts.values()) a.quotes = annotateQuotes(a);
  const gold = readGold();
  const namesOf = new Map(gold.entities.map((e) => [e.id, e.names.map(norm)]));
  const wrong: string[] = [];
  for (const q of gold.quotes) {
    const a = arts.get(q.file)!;
    const want = new Set(
      a.entities
        .filter((e) =>
          e.mentions.some(
            (m) =>
              namesOf.get(q.speaker)!.includes(norm(m.text).replace(/^[وبلفك]/u, "")) ||
              namesOf.get(q.speaker)!.includes(norm(m.text)),
          ),
        )
        .map((e) => e.id),
    );
    const hit = a.quotes.filter((x) => norm(x.text).includes(norm(q.starts)));
    if (!hit.some((x) => x.speaker !== null && want.has(x.speaker.id)))
      wrong.push(
        `${q.file} ${q.speaker}: ${hit.length === 0 ? "not found" : hit.map((x) => x.speaker?.name ?? "null").join(",")}`,
      );
  }
  if (process.env.RASD_SHOW) console.log(`${gold.quotes.length - wrong.length}/${gold.quotes.length}`, wrong);
  assert.ok(wrong.length <= 2, wrong.join("\n"));
});

test("quote offsets slice back to the quote text", () => {
  const arts = seedArticles();
  const registry = new EntityRegistry();
  for (const a of arts.values()) {
    a.entities = annotateEntities(a, registry);
    for (const q of annotateQuotes(a)) assert.equal(a.text.slice(q.start, q.end), q.text);
  }
});
