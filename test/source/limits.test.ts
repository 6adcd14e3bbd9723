// Bounded input: a huge line, a gzip bomb, a file past its size: each refused with a message naming the file and
// the limit, the rest still read. Small limits here; the defaults are in src/source/limits.ts.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { gzipSync } from "node:zlib";
import { readInput, type SourceItem } from "../../src/source/read.js";
import { kindOf } from "../../src/source/walk.js";
import { tempDir } from "../helpers/cli.js";

async function read(path: string, limits: Record<string, number>): Promise<SourceItem[]> {
  const kind = kindOf(path)!;
  const out: SourceItem[] = [];
  for await (const x of readInput({ path, ...kind, explicit: true }, { limits })) out.push(x);
  return out;
}

const rec = (i: number, text = `نص خبر مختلق رقم ${i}`) =>
  JSON.stringify({ url: `https://invented.example/${i}`, title: `خبر ${i}`, content: text });

describe("bounded input", () => {
  test("a JSON Lines record longer than the line limit is refused by line; the others are read", async () => {
    const dir = tempDir();
    const path = join(dir, "big.jsonl.gz");
    writeFileSync(path, gzipSync([rec(1), rec(2, "ب".repeat(300_000)), rec(3)].join("\n")));
    const items = await read(path, { maxLineBytes: 100_000 });
    assert.deepEqual(
      items.map((i) => i.ok),
      [true, false, true],
    );
    const bad = items[1];
    assert.ok(bad && bad.ok === false);
    assert.match(bad.error.message, /line 2 of ".*big\.jsonl\.gz" is longer than/u);
    assert.match(bad.error.message, /RASD_MAX_LINE_MB/u);
  });

  test("a JSON Lines file that decompresses past the stream limit stops with a message; the lines before are kept", async () => {
    const dir = tempDir();
    const path = join(dir, "bomb.jsonl.gz");
    writeFileSync(path, gzipSync([rec(1), " ".repeat(2_000_000), rec(2)].join("\n")));
    const items = await read(path, { maxStreamBytes: 1_000_000, maxLineBytes: 10_000_000 });
    assert.equal(items[0]?.ok, true);
    const last = items.at(-1);
    assert.ok(last && last.ok === false);
    assert.match(last.error.message, /bomb\.jsonl\.gz.*more than .*RASD_MAX_STREAM_MB/u);
  });

  test("a gzip bomb read whole is refused before it is inflated past the file limit", async () => {
    const dir = tempDir();
    const path = join(dir, "bomb.html.gz");
    writeFileSync(path, gzipSync(Buffer.alloc(5_000_000, 0x20)));
    const [item] = await read(path, { maxFileBytes: 1_000_000 });
    assert.ok(item && item.ok === false);
    assert.equal(item.error.code, "TOO_LARGE");
    assert.match(item.error.message, /bomb\.html\.gz.*larger than .*decompressed.*RASD_MAX_FILE_MB/u);
  });
});
