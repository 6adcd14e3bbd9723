import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { lookupKeys, surfaceCut } from "../../src/annotate/entities/aliases.js";
import { annotateEntities, EntityRegistry } from "../../src/annotate/entities/index.js";
import { lookupEntities, persistEntities } from "../../src/annotate/entities/persist.js";
import { emptyArticle } from "../../src/core/stage.js";
import type { Article } from "../../src/core/types.js";
import { insertArticles } from "../../src/store/articles.js";
import { Store } from "../../src/store/store.js";

/** Invented sentences: the classes the rules cover, not text from any corpus. */
function article(id: string, text: string): Article {
  const a = emptyArticle({ path: id });
  a.id = id;
  a.text = text;
  return a;
}

function entitiesOf(text: string, registry = new EntityRegistry()) {
  return annotateEntities(article("t", text), registry);
}

const CARTER = [
  "وصل وزير الدفاع الأميركي آشتون كارتر إلى أنقرة مساء الأحد في زيارة تستمر يومين.",
  "والتقى كارتر نظيره التركي، وقال إن بلاده ماضية في دعم الحلفاء.",
  "ولم يعلق وكاتر على سؤال عن موعد العملية المقبلة ضد داعش.",
  "وأكد المتحدث أن الضربات لداعش ستستمر، وأن بتنظيم داعش خسائر كبيرة.",
].join("\n");

test("mentions start after the proclitics the linking took off: وكاتر → كاتر، لداعش → داعش، بتنظيم داعش → تنظيم داعش", () => {
  const ents = entitiesOf(CARTER);
  const texts = ents.flatMap((e) => e.mentions.map((m) => m.text));
  for (const t of texts) assert.ok(!/^[وبلفك](?:كا|دا|تن)/u.test(t), `a mention keeps its proclitic: ${t}`);
  const carter = ents.find((e) => e.mentions.some((m) => m.text === "آشتون كارتر"));
  assert.ok(carter !== undefined);
  assert.ok(
    carter.mentions.some((m) => m.text === "كاتر"),
    carter.mentions.map((m) => m.text).join(","),
  );
  const is = ents.find((e) => e.id === "islamic-state");
  assert.deepEqual([...new Set(is?.mentions.map((m) => m.text))].sort(), ["تنظيم داعش", "داعش"]);
  // Offsets still point at the text: the mention is exactly the slice.
  for (const e of ents) for (const m of e.mentions) assert.equal(CARTER.slice(m.start, m.end), m.text);
});

test("aliases are stored without clitics and a name is looked up through the same fold", async () => {
  const store = await Store.open({ dir: "memory://" });
  try {
    const a = article("a1", CARTER);
    a.entities = annotateEntities(a, new EntityRegistry());
    await store.db.transaction(async (tx) => {
      await insertArticles(tx, [{ article: a, sourceKey: a.id, contentHash: a.id, url: null, outlet: null }]);
      await persistEntities(tx, [a]);
    });
    const byTypo = await lookupEntities(store.db, "كاتر");
    assert.equal(byTypo.length, 1, "the alias كاتر is stored without its و");
    assert.ok(!byTypo[0]!.names.some((n) => /^[وبلفك](?:كا|دا|تن)/u.test(n)), byTypo[0]!.names.join(","));
    const withClitic = await lookupEntities(store.db, "لكارتر");
    assert.equal(withClitic[0]?.id, byTypo[0]!.id, "لكارتر is looked up as كارتر");
    const is = await lookupEntities(store.db, "لداعش");
    assert.equal(is[0]?.id, "islamic-state");
  } finally {
    await store.close();
  }
});

test("lookupKeys: the name's own key first, then its proclitic-free forms", () => {
  assert.deepEqual(lookupKeys("لداعش"), ["لداعش", "داعش"]);
  assert.equal(lookupKeys("وليد")[0], "وليد");
  assert.deepEqual(lookupKeys("بتنظيم داعش"), ["بتنظيم داعش", "تنظيم داعش"]);
});

test("surfaceCut: letters with the marks written on them, never inside a letter", () => {
  assert.equal(surfaceCut("وَلِداعش", 2), 4);
  assert.equal(surfaceCut("وكاتر", 1), 1);
  const chars = [..."وكلبداعشتنظيم", ..."\u064E\u064F\u0650\u0651\u0652"];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), fc.nat(6), (cs, n) => {
      const s = cs.join("");
      const c = surfaceCut(s, n);
      assert.ok(c >= 0 && c <= s.length);
      // The cut never leaves a mark at the start of what remains (but a mark the word starts with is no letter).
      assert.ok(c === 0 || c === s.length || !/^[\u064E-\u0652]/u.test(s.slice(c)));
    }),
  );
});

test("formulas, speech nouns and descriptors without a name are not entities", () => {
  const text = [
    "وتوفي الحاج سالم بن راشد رحمه الله في منزله بعد مرض.",
    "ونقلت رويترز قوله إن المحادثات ستستأنف الأسبوع المقبل.",
    "وتعمل الدول الثلاث كمنظمة دفاع مشترك منذ سنوات.",
    "وقال باحث في معهد بحثي أوروبي لوكالة رويترز إنه زار معهد الفنون الجميلة.",
  ].join("\n");
  const ents = entitiesOf(text);
  const names = ents.flatMap((e) => e.mentions.map((m) => m.text));
  for (const bad of ["الله", "قوله", "منظمة دفاع", "معهد بحثي", "لوكالة"])
    assert.ok(!names.some((n) => n.includes(bad)), `${bad} in ${names.join(" | ")}`);
  assert.ok(names.includes("رويترز"), names.join(" | "));
  assert.ok(names.includes("معهد الفنون الجميلة"), names.join(" | "));
});

test("organisation descriptors: a head in construct with its definite words, a definite head with its demonym", () => {
  const text =
    "وقالت وزارة الزراعة إن الجيش الأردني والحكومة اللبنانية وجبهة العمل الوطني ناقشت الخطة، " +
    "بينما قال وزير الخارجية الإيطالي إن الحكومة الحالية لم تقرر.";
  const names = entitiesOf(text).flatMap((e) => e.mentions.map((m) => `${m.text}`));
  for (const good of ["وزارة الزراعة", "الجيش الأردني", "الحكومة اللبنانية", "جبهة العمل الوطني"])
    assert.ok(names.includes(good), `${good} missing from ${names.join(" | ")}`);
  assert.ok(!names.some((n) => n.startsWith("الخارجية")), "after a title the words are a role");
  assert.ok(!names.includes("الحكومة الحالية"), "an adjective that names no one is not a demonym");
});

test("a bracket glossing the possessor a name ends with does not merge the name into it", () => {
  const registry = new EntityRegistry();
  const ents = entitiesOf("وكان يتردد على مقر معهد إعداد الخطباء للدولة (داعش) في المدينة.", registry);
  const institute = ents.find((e) => e.mentions.some((m) => m.text.startsWith("معهد")));
  assert.ok(institute !== undefined, "the institute is found");
  assert.notEqual(institute.id, "islamic-state");
  const pentagon = entitiesOf("وقالت وزارة الدفاع (البنتاغون) إن الطائرات عادت إلى قواعدها.", registry);
  const ids = pentagon.filter((e) => e.mentions.some((m) => m.text === "وزارة الدفاع" || m.text === "البنتاغون"));
  assert.equal(new Set(ids.map((e) => e.id)).size, 1, "a name glossed as a whole keeps the bracketed id");
});
