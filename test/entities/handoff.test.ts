import assert from "node:assert/strict";
import { test } from "node:test";
import { loadHasher } from "../../src/core/hash.js";
import { packSegments, unpackSegments } from "../../src/annotate/entities/handoff.js";
import { segments } from "../../src/annotate/entities/stage.js";
import { articleTokens } from "../../src/annotate/entities/text.js";
import { seedArticles } from "./seed-articles.js";

test("recognised segments packed for a stage thread's answer come back as they were (seed pages, captions too)", async () => {
  await loadHasher();
  let captions = 0;
  for (const [file, article] of seedArticles()) {
    const segs = segments(article);
    captions += segs.filter((s) => s.block !== undefined).length;
    // As the answer crosses: a structured clone of the packed segments and of the article.
    const crossed = structuredClone({ article, packed: packSegments(segs) });
    const back = unpackSegments(crossed.packed, crossed.article);
    assert.deepEqual(back, segs, file);
    // The clean text's tokens are the article's from then on: the quotes stage does not tokenise it again.
    assert.equal(articleTokens(crossed.article), back[0]!.tokens, file);
  }
  assert.ok(captions > 0, "the seed pages have captions, so caption segments are covered");
});
