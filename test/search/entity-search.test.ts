import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { loadHasher } from "../../src/core/hash.js";
import { pipelineFor } from "../../src/assemble/for-store.js";
import { ingest } from "../../src/pipeline/ingest.js";
import { search } from "../../src/search/index.js";
import { Store } from "../../src/store/store.js";
import { tempDir } from "../helpers/cli.js";

// Invented articles: each names the group under one name only.
const ARTICLES = [
  {
    url: "https://invented.example/1",
    title: "هجوم جديد لداعش قرب الحدود",
    content: "أعلن مسؤولون أن عناصر من داعش هاجموا موقعا عسكريا قرب الحدود فجر اليوم.",
  },
  {
    url: "https://invented.example/2",
    title: "تقرير عن تنظيم الدولة الإسلامية",
    content: "قال باحثون إن تنظيم الدولة الإسلامية فقد معظم الأراضي التي سيطر عليها خلال العامين الماضيين.",
  },
  {
    url: "https://invented.example/3",
    title: "افتتاح معرض للكتاب",
    content: "افتتح وزير الثقافة معرضا للكتاب بمشاركة مئات الناشرين من عدة دول.",
  },
];

test("a query naming an entity finds the articles that use another of its names", async () => {
  await loadHasher();
  const dir = tempDir();
  writeFileSync(join(dir, "a.jsonl"), ARTICLES.map((a) => JSON.stringify(a)).join("\n"));
  const store = await Store.open({ dir: "memory://" });
  try {
    await ingest(store, { paths: [join(dir, "a.jsonl")], ...(await pipelineFor(store)) });
    const byAcronym = await search(store.db, "داعش");
    assert.deepEqual(byAcronym.hits.map((h) => h.title).sort(), [ARTICLES[0]!.title, ARTICLES[1]!.title].sort());
    // The page that uses the query's own word ranks first.
    assert.equal(byAcronym.hits[0]?.title, ARTICLES[0]!.title);
    const byName = await search(store.db, "تنظيم الدولة الإسلامية");
    assert.ok(
      byName.hits.some((h) => h.title === ARTICLES[0]!.title),
      "the name finds the page that says داعش",
    );
    // A page sharing only a common word (دول) may match, but below both pages about the group.
    const unrelated = byName.hits.findIndex((h) => h.title === ARTICLES[2]!.title);
    assert.ok(unrelated === -1 || unrelated === 2, `the unrelated page ranks at ${unrelated}`);
  } finally {
    await store.close();
  }
});
