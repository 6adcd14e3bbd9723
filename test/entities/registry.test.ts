import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { annotateEntities, EntityRegistry, nameKey, tokenize } from "../../src/annotate/entities/index.js";
import { emptyArticle } from "../../src/core/stage.js";

// Invented sentences (not from any corpus) that exercise one rule each.
function article(text: string) {
  const a = emptyArticle({ path: "t.txt" });
  a.text = text;
  return a;
}

test("spellings of one name share an id: hamza, alef, ة/ه, ى/ي", () => {
  const r = new EntityRegistry({ gazetteer: false });
  const a = r.addEntity("آشتون كارتر", "person");
  assert.equal(r.addEntity("اشتون كارتر", "person"), a);
  assert.equal(r.addEntity("أشتون كارتر", "person"), a);
});

test("transliteration variants of a full name join one person (غ/ج, long vowels)", () => {
  const r = new EntityRegistry({ gazetteer: false });
  const a = r.addEntity("ينس ستولتنبرغ", "person");
  assert.equal(r.addEntity("ينس ستولتنبرج", "person"), a);
  assert.equal(r.addEntity("ليز جراندي", "person"), r.addEntity("ليز غراندي", "person"));
});

test("a short form two people share stays ambiguous", () => {
  const r = new EntityRegistry({ gazetteer: false });
  r.addEntity("جون كيري", "person");
  r.addEntity("جون ماكين", "person");
  const found = r.findPart("جون");
  assert.ok(found !== undefined && "ambiguous" in found);
  const single = r.findPart("كيري");
  assert.ok(single !== undefined && "id" in single);
});

test("ids are a pure function of the canonical name, the same in two registries", () => {
  const a = new EntityRegistry().addEntity("سامي الخطيب", "person");
  const b = new EntityRegistry().addEntity("سامي الخطيب", "person");
  assert.equal(a, b);
  assert.equal(new EntityRegistry().findExact("داعش")?.valueOf() !== undefined, true);
});

test("acronyms and alternative names of an organisation are one entity", () => {
  const r = new EntityRegistry();
  const ids = ["داعش", "تنظيم الدولة", "الدولة الإسلامية", "Islamic State"].map((n) => r.findExact(n));
  for (const x of ids) assert.deepEqual(x, { id: "islamic-state" });
});

test("in an article, a bare family name links to the full name, and a one-letter typo too", () => {
  const r = new EntityRegistry();
  const a = article("التقى الوزير سامي الخطيب نظراءه. وقال الخطيب إن المحادثات جيدة، فيما أكد الخطب أنها ستستمر.");
  const ents = annotateEntities(a, r);
  const p = ents.find((e) => e.name === "سامي الخطيب");
  assert.ok(p !== undefined);
  assert.deepEqual(
    p.mentions.map((m) => m.text),
    ["سامي الخطيب", "الخطيب", "الخطب"],
  );
});

test("a bare name two people of the article share is linked to neither", () => {
  const r = new EntityRegistry();
  const a = article("التقى الرئيس سامي الخطيب بالوزير سامي العلي. وقال سامي إن اللقاء مثمر.");
  const ents = annotateEntities(a, r);
  const withBare = ents.filter((e) => e.mentions.some((m) => m.text === "سامي" && m.start > 40));
  assert.ok(
    withBare.every((e) => e.name === "سامي"),
    JSON.stringify(withBare),
  );
});

test("demonyms are related words of their country, not mentions", () => {
  const a = article("قال وزير الخارجية الفرنسي إن باريس ستشارك.");
  const ents = annotateEntities(a, new EntityRegistry());
  const fr = ents.find((e) => e.id === "france");
  assert.ok(fr?.related?.some((m) => m.text === "الفرنسي"));
});

test("property: token offsets slice back to the token, and nameKey is idempotent", () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom(...'آأإاءؤئبتةثجكلمنهوىيَُِّ «»"،.:ـ abcXYZ0123٤\n'.split("")), maxLength: 60 }),
      (s) => {
        for (const t of tokenize(s)) assert.equal(s.slice(t.start, t.end), t.text);
        assert.equal(nameKey(nameKey(s)), nameKey(s));
      },
    ),
  );
});
