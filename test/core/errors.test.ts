import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { RasdError, isRasdError } from "../../src/core/errors.js";
import { failure } from "../../src/pipeline/failure.js";

/** A real fs error: ENOENT in its `code` field. */
async function enoent(): Promise<unknown> {
  return readFile("/nonexistent/rasd/missing.txt").then(
    () => assert.fail("the file should not exist"),
    (e: unknown) => e,
  );
}

/** What node-postgres throws for a unique violation: an Error with the SQLSTATE in `code`. */
function sqlstate(): Error {
  return Object.assign(new Error('duplicate key value violates unique constraint "articles_pkey"'), {
    code: "23505",
    severity: "ERROR",
  });
}

test("only a RasdError passes isRasdError: a SQLSTATE or an errno name in `code` is not a rasd code", async () => {
  const fs = await enoent();
  assert.equal((fs as { code?: unknown }).code, "ENOENT");
  assert.equal(isRasdError(fs), false);
  assert.equal(isRasdError(sqlstate()), false);
  assert.equal(isRasdError({ code: "STORE", message: "a plain object that looks like one" }), false);
  assert.equal(isRasdError("STORE"), false);
  assert.equal(isRasdError(null), false);
  assert.equal(isRasdError(new RasdError("PARSE", "bad line")), true);
});

test("a failure carries rasd's code, and INTERNAL for any foreign error", async () => {
  assert.deepEqual(failure("a.jsonl:3", new RasdError("DECODE", "not text")), {
    input: "a.jsonl:3",
    code: "DECODE",
    reason: "not text",
  });
  assert.equal(failure("x", sqlstate()).code, "INTERNAL");
  assert.equal(failure("x", await enoent()).code, "INTERNAL");
  assert.equal(failure("x", { code: "STORE" }).code, "INTERNAL");
  assert.equal(failure("x", "a thrown string").reason, "a thrown string");
});
