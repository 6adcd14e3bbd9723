import { test } from "node:test";
import assert from "node:assert/strict";
import { PassThrough, Readable } from "node:stream";
import { command } from "../../src/cli/commands/analyze.js";
import { Output } from "../../src/cli/output.js";
import type { CommandContext } from "../../src/cli/command.js";

async function run(values: CommandContext["values"], input: string, json = false): Promise<string> {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on("data", (c: Buffer) => chunks.push(c));
  const ctx: CommandContext = {
    positionals: [],
    values,
    globals: { store: "", pg: undefined, json },
    out: new Output({ stdout, stderr: new PassThrough(), json, interactive: false }),
    openStore: () => Promise.reject(new Error("analyze needs no store")),
    stdin: Readable.from([input]),
  };
  assert.equal(await command.run(ctx), 0);
  return Buffer.concat(chunks).toString("utf8");
}

test("analyze writes one line per input line, empty lines included", async () => {
  const out = await run({ stems: true }, "والولايات المتحدة\n\nفي من\nوزير\n");
  assert.deepEqual(out.split("\n"), ["ولا متحد", "", "", "وزير", ""]);
});

test("analyze --normalize and --tokens", async () => {
  assert.equal(await run({ normalize: true }, "أَحمد ـــ إلى\n"), "احمد  الي\n");
  assert.equal(await run({ tokens: true }, "قال: «نعم»، 3.5%\n"), "قال نعم 3.5%\n");
});

test("analyze --scheme picks the stemmer", async () => {
  assert.equal(await run({ stems: true, scheme: "lucene" }, "وزير\n"), "زير\n");
  assert.equal(await run({ stems: true, scheme: "rasd" }, "وزير\n"), "وزير\n");
  await assert.rejects(run({ stems: true, scheme: "porter" }, "x\n"), /unknown --scheme "porter"/);
  await assert.rejects(run({ stems: true, tokens: true }, "x\n"), /choose one of/);
});

test("analyze --json gives tokens with offsets", async () => {
  const out = await run({ tokens: true }, "كلمة 12\n", true);
  const obj = JSON.parse(out) as { tokens: Array<{ text: string; kind: string; start: number }> };
  assert.deepEqual(
    obj.tokens.map((t) => [t.text, t.kind, t.start]),
    [
      ["كلمة", "arabic", 0],
      ["12", "number", 5],
    ],
  );
});
