import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { corpusPath } from "../../src/core/paths.js";
import { extractFrom, goldNorm } from "./helpers.js";

interface GoldFile {
  lines: Record<string, number[]>;
  title: string;
  attribution: string | null;
  publisher: string | null;
  publisher_domain?: string;
  also_acceptable?: Record<string, string[]>;
}

const seeds = corpusPath("seeds");
const gold = JSON.parse(readFileSync(`${seeds}/gold.json`, "utf8")) as { files: Record<string, GoldFile> };
const files = readdirSync(seeds)
  .filter((n) => n.endsWith(".txt"))
  .sort();

test("there are five seed pages with gold", () => {
  assert.equal(files.length, 5);
  for (const f of files) assert.ok(gold.files[f], f);
});

for (const name of files) {
  const g = gold.files[name] as GoldFile;
  test(`seed ${name}: every line has its gold role, title, publisher and credit`, async () => {
    const { doc } = await extractFrom(readFileSync(`${seeds}/${name}`, "utf8"), "text", name);
    const a = doc.article;
    const got = new Map(a.blocks.map((b) => [b.line, b.role]));
    const wrong: string[] = [];
    for (const [role, lines] of Object.entries(g.lines)) {
      for (const ln of lines) {
        const r = got.get(ln);
        if (r !== role && !(g.also_acceptable?.[String(ln)] ?? []).includes(r ?? ""))
          wrong.push(`${ln}: want ${role}, got ${r}`);
      }
    }
    assert.deepEqual(wrong, []);
    assert.equal(goldNorm(a.title), goldNorm(g.title));
    if (g.publisher !== null)
      assert.ok(goldNorm(a.publisher.name).includes(goldNorm(g.publisher)), `publisher ${a.publisher.name}`);
    if (g.publisher_domain !== undefined) assert.equal(a.publisher.domain, g.publisher_domain);
    assert.equal(a.attribution, g.attribution);
    assert.ok(a.text.startsWith(a.title), "text starts with the title");
    assert.equal(a.lang, "ar");
  });
}

test("seed captions in English are marked en, Arabic lines ar", async () => {
  const name = files[0] as string;
  const { doc } = await extractFrom(readFileSync(`${seeds}/${name}`, "utf8"), "text", name);
  const captions = doc.article.blocks.filter((b) => b.role === "caption");
  assert.ok(captions.some((b) => b.lang === "en"));
  assert.ok(captions.some((b) => b.lang === "ar"));
  for (const b of doc.article.blocks.filter((x) => x.role === "body")) assert.equal(b.lang, "ar");
});

test("text excludes captions, chrome and title duplicates", async () => {
  for (const name of files) {
    const { doc } = await extractFrom(readFileSync(`${seeds}/${name}`, "utf8"), "text", name);
    const a = doc.article;
    const paras = a.text.split("\n\n");
    const expected = [
      a.title,
      ...a.blocks.filter((b) => b.role === "body" || b.role === "subheading").map((b) => b.text),
    ];
    assert.deepEqual(paras, expected);
    for (const b of a.blocks.filter((x) => x.role === "caption" || x.role === "chrome"))
      assert.ok(!paras.includes(b.text), b.text);
  }
});
