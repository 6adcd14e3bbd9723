import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { loadHasher } from "../../src/core/hash.js";
import type { IngestHook } from "../../src/store/hooks.js";
import { ingest } from "../../src/pipeline/ingest.js";
import { createStages } from "../../src/assemble/stages.js";
import { countArticles } from "../../src/store/articles.js";
import { Store } from "../../src/store/store.js";
import { tempDir } from "../helpers/cli.js";

test("a document that a hook cannot take costs only itself, not its batch", async () => {
  await loadHasher();
  const dir = tempDir();
  const records = Array.from({ length: 6 }, (_, i) => ({
    url: `https://invented.example/${i}`,
    title: i === 3 ? "خبر يرفضه الفهرس" : `خبر مختلق رقم ${i}`,
    content: `نص خبر مختلق رقم ${i} كتبناه للاختبار.`,
  }));
  writeFileSync(join(dir, "r.jsonl"), records.map((r) => JSON.stringify(r)).join("\n"));
  // A hook that fails on one article, as a buggy annotator's data might make a real hook fail.
  const picky: IngestHook = {
    name: "picky",
    async run(_tx, articles) {
      if (articles.some((a) => a.title.includes("يرفضه"))) throw new Error("this hook cannot take that article");
    },
  };
  const store = await Store.open({ dir: "memory://" });
  try {
    const report = await ingest(store, {
      paths: [join(dir, "r.jsonl")],
      stages: createStages(),
      hooks: [picky],
      batchSize: 10,
    });
    assert.equal(report.stored, 5);
    assert.equal(report.failed, 1);
    assert.match(report.failures[0]?.input ?? "", /r\.jsonl:4$/);
    assert.match(report.failures[0]?.reason ?? "", /cannot take that article/);
    assert.equal(await countArticles(store.db), 5);
  } finally {
    await store.close();
  }
});
