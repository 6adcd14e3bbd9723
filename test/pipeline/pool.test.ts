import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { Worker } from "node:worker_threads";
import type { RawDoc } from "../../src/core/stage.js";
import { StagePool, type PoolResult } from "../../src/pipeline/pool.js";
import type { DocInput } from "../../src/pipeline/store-batch.js";
import { tempDir } from "../helpers/cli.js";

// The compiled modules a test thread imports (the tests run from dist/, like the CLI).
const module = (path: string) => JSON.stringify(new URL(`../../src/${path}`, import.meta.url).href);

/**
 * A real worker thread serving one stage that upper-cases the text, fails (RasdError) on "REFUSE", and kills its
 * thread on "CRASH", as a native crash or an out-of-memory error in a real stage would.
 */
function startTestThread(dir: string, header = ""): () => Worker {
  const file = join(dir, "thread.mjs");
  writeFileSync(
    file,
    `${header}
import { loadHasher } from ${module("core/hash.js")};
import { RasdError } from ${module("core/errors.js")};
import { serveStages } from ${module("pipeline/pool-worker.js")};
await loadHasher();
serveStages([{
  name: "test",
  run(doc) {
    if (doc.decoded.includes("CRASH")) process.exit(3);
    if (doc.decoded.includes("REFUSE")) throw new RasdError("EMPTY", "refused by the test stage");
    doc.article.title = doc.decoded.toUpperCase();
  },
}]);
`,
  );
  return () => new Worker(file);
}

function docs(texts: string[]): DocInput[] {
  return texts.map((text, i) => {
    const raw: RawDoc = { source: { path: "t.jsonl", record: i + 1 }, format: "record", text };
    return { raw, sourceKey: "t" };
  });
}

const titles = (rs: PoolResult[]) => rs.map((r) => (r.ok ? r.doc.article.title : `failed: ${r.failure.reason}`));

test("the pool answers in input order, with one document's failure its own", async () => {
  const pool = new StagePool(2, startTestThread(tempDir()));
  try {
    const texts = Array.from({ length: 30 }, (_, i) => (i === 7 ? "REFUSE me" : `doc ${i}`));
    const rs = await pool.run(docs(texts));
    assert.deepEqual(
      titles(rs),
      texts.map((t) => (t === "REFUSE me" ? "failed: refused by the test stage" : t.toUpperCase())),
    );
    const failed = rs[7];
    assert.ok(failed !== undefined && !failed.ok);
    assert.equal(failed.failure.code, "EMPTY");
    assert.equal(failed.failure.input, "t.jsonl:8");
  } finally {
    await pool.close();
  }
});

test("a document that kills its thread fails alone; the rest of its job, and later runs, still come back", async () => {
  const pool = new StagePool(2, startTestThread(tempDir()));
  try {
    const texts = Array.from({ length: 40 }, (_, i) => (i === 12 ? "CRASH here" : `doc ${i}`));
    const rs = await pool.run(docs(texts));
    assert.equal(rs.length, 40);
    rs.forEach((r, i) => {
      if (i === 12) {
        assert.ok(!r.ok);
        assert.equal(r.failure.input, "t.jsonl:13");
        assert.match(r.failure.reason, /thread running the stages on this document stopped: it exited with code 3/);
      } else {
        assert.ok(r.ok, `document ${i} failed: ${r.ok ? "" : r.failure.reason}`);
        assert.equal(r.doc.article.title, `DOC ${i}`);
      }
    });
    assert.deepEqual(titles(await pool.run(docs(["after"]))), ["AFTER"]);
  } finally {
    await pool.close();
  }
});

test("threads that cannot start fail the run with the reason, instead of every document", async () => {
  const pool = new StagePool(2, startTestThread(tempDir(), `throw new Error("the model file is missing");`));
  try {
    await assert.rejects(pool.run(docs(["a", "b", "c"])), /a stage thread could not start: .*model file is missing/);
  } finally {
    await pool.close();
  }
});
