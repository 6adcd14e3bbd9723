import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { corpusPath } from "../../src/core/paths.js";
import { tokenize } from "../../src/analysis/ar/index.js";

const kinds = (s: string): string[] => tokenize(s).map((t) => `${t.kind}:${t.text}`);

test("Arabic words keep their clitics, harakat, tatweel and joiners", () => {
  assert.deepEqual(kinds("وبالولايات كَتَبَ عربـــي"), ["arabic:وبالولايات", "arabic:كَتَبَ", "arabic:عربـــي"]);
  assert.deepEqual(kinds("مي\u200cخواهم"), ["arabic:مي\u200cخواهم"]);
});

test("آ and every alef form stay inside the word", () => {
  assert.deepEqual(kinds("آمال إيران ٱلله"), ["arabic:آمال", "arabic:إيران", "arabic:ٱلله"]);
});

test("Latin words, with digits and inner apostrophes", () => {
  assert.deepEqual(kinds("G20 O'Neill CNN"), ["latin:G20", "latin:O'Neill", "latin:CNN"]);
});

test("mixed scripts split at the script change", () => {
  assert.deepEqual(kinds("الـCNN"), ["arabic:الـ", "latin:CNN"]);
});

test("numbers: ASCII, Arabic-Indic, decimals with . ٫ , and groups", () => {
  assert.deepEqual(kinds("3.5 ٣٫٥ 1,000,000 ٢٠١٥"), ["number:3.5", "number:٣٫٥", "number:1,000,000", "number:٢٠١٥"]);
  assert.deepEqual(kinds("عام 2015."), ["arabic:عام", "number:2015"]);
});

test("percentages, with either sign and an optional space", () => {
  assert.deepEqual(kinds("40% ٤٠٪ 12 %"), ["percent:40%", "percent:٤٠٪", "percent:12 %"]);
});

test("URLs lose trailing sentence punctuation", () => {
  assert.deepEqual(kinds("زوروا https://example.com/a?b=1. الآن"), [
    "arabic:زوروا",
    "url:https://example.com/a?b=1",
    "arabic:الان".replace("الان", "الآن"),
  ]);
  assert.deepEqual(kinds("www.example.org،"), ["url:www.example.org"]);
});

test("hashtags and mentions", () => {
  assert.deepEqual(kinds("#قمة_الرياض @rasd_news a#b"), [
    "hashtag:#قمة_الرياض",
    "mention:@rasd_news",
    "latin:a",
    "latin:b",
  ]);
});

test("punctuation and symbols are not tokens", () => {
  assert.deepEqual(kinds("«» ، ؛ ؟ … — ()"), []);
});

const anyString = fc.string({ unit: "binary", maxLength: 200 });

test("property: never throws, offsets slice back, tokens are ordered and disjoint", () => {
  fc.assert(
    fc.property(anyString, (s) => {
      let last = 0;
      for (const t of tokenize(s)) {
        if (s.slice(t.start, t.end) !== t.text || t.start < last || t.end <= t.start) return false;
        last = t.end;
      }
      return true;
    }),
    { numRuns: 3000 },
  );
});

test("malformed input: lone surrogates, controls, a 10 MB line, mixed scripts", () => {
  const bad = "\uD800كلمة\uDC00 \u0000\u0007word\uFFFF 日本語 😀عربي";
  const toks = tokenize(bad);
  for (const t of toks) assert.equal(bad.slice(t.start, t.end), t.text);
  assert.ok(toks.some((t) => t.text === "كلمة"));
  const big = "كلمة ".repeat(2_000_000);
  const t0 = Date.now();
  assert.equal(tokenize(big).length, 2_000_000);
  assert.ok(Date.now() - t0 < 10_000, "10 MB tokenised in well under 10 s");
});

test("golden: every seed page tokenises with offsets that slice back", () => {
  const dir = corpusPath("seeds");
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt"));
  assert.equal(files.length, 5);
  for (const f of files) {
    const text = readFileSync(`${dir}/${f}`, "utf8");
    const toks = tokenize(text);
    assert.ok(toks.length > 300, f);
    for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
    // Every Arabic letter of the page is inside an Arabic token: nothing cut away at آ or a haraka.
    const covered = toks
      .filter((t) => t.kind === "arabic")
      .reduce((n, t) => n + (t.text.match(/\p{Script=Arabic}/gu)?.length ?? 0), 0);
    const inPage = (text.match(/\p{Script=Arabic}/gu) ?? []).filter((c) => /\p{L}|\p{M}/u.test(c)).length;
    assert.equal(covered >= inPage - 5, true, `${f}: ${covered} of ${inPage} Arabic letters in tokens`);
  }
});
