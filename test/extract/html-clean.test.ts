import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { corpusPath } from "../../src/core/paths.js";
import { CLEANED_OUT, cleanMarkup } from "../../src/extract/html/clean.js";
import { readMeta } from "../../src/extract/html/meta.js";
import {
  elementsByTag,
  READER_OVERRIDES,
  styleValue,
  TextReadability,
  type TreeElement,
} from "../../src/extract/html/reader.js";
import { foldForMatch } from "../../src/extract/text/normalize.js";

test("cleanMarkup drops scripts, styles, svg, comments and closed furniture, and keeps JSON-LD bodies aside", () => {
  const { html, jsonLd } = cleanMarkup(
    `<html><head><script type="application/ld+json">{"@type":"NewsArticle"}</script><style>p{}</style></head>` +
      `<body><nav><nav>menu</nav>still menu</nav><!-- <p>comment</p> --><svg/><p>one</p><svg><path/></svg>` +
      `<script>var s = "</p>";</script><footer>foot</footer><p>two<button>Share</button></p></body></html>`,
  );
  assert.deepEqual(jsonLd, ['{"@type":"NewsArticle"}']);
  assert.equal(html, "<html><head></head><body><p>one</p><p>twoShare</button></p></body></html>");
});

test("cleanMarkup reads tags as the tokenizer does and keeps only the attributes Readability reads", () => {
  const { html } = cleanMarkup(
    `<div class="a>b" data-x='{"y":">"}' onclick="go()" id=main style="color:red"><a href="/x" rel="nofollow">x</a>` +
      `<a href="#note" rel="author">y</a><span style="display: none" hidden>z</span><img src="a.jpg" alt="A" width=3>` +
      `<meta itemprop="name" content="k"><time datetime="2020-01-01">t</time></div>`,
  );
  assert.equal(
    html,
    `<div class="a>b" id="main"><a>x</a><a href="#note" rel="author">y</a><span style="display: none" hidden>z</span>` +
      `<img src="a.jpg"><meta content="k"><time>t</time></div>`,
  );
});

test("cleanMarkup: blanks beside block tags go, blanks between inline tags stay, raw text is copied", () => {
  const { html } = cleanMarkup(
    "<title>a <b> c</title>\n<div>\n  <p> x </p>\n  <!-- c -->\n  <span>a</span> <i>b</i>\n</div>\n",
  );
  assert.equal(html, "<title>a <b> c</title><div><p> x </p><span>a</span> <i>b</i></div>");
});

test("cleanMarkup takes <meta> out of <head> but for Readability's title and byline ones, and reads the facts", () => {
  const { html, facts } = cleanMarkup(
    `<html lang="ar"><head><title>T</title><meta charset="utf-8"><meta property="og:title" content="Title &amp; more">` +
      `<meta name="description" content="d"><meta name="author" content="A"></head>` +
      `<body><meta itemprop="datePublished" content="2020-02-02"><time datetime=" 2020-01-01 ">x</time></body></html>`,
  );
  assert.equal(
    html,
    `<html lang="ar"><head><title>T</title><meta property="og:title" content="Title &amp; more"><meta name="author" content="A">` +
      `</head><body><meta content="2020-02-02"><time>x</time></body></html>`,
  );
  assert.equal(facts.meta.length, 5);
  assert.deepEqual(facts.times, [" 2020-01-01 "]);
  const meta = readMeta(facts, []);
  assert.equal(meta.title, "Title & more"); // character references decoded as the parser decodes them
  assert.equal(meta.author, "A");
  assert.equal(meta.lang, "ar");
  assert.deepEqual(
    meta.published.map((p) => p.value),
    ["2020-02-02", "2020-01-01"],
  );
});

test("TextReadability overrides private methods that Readability still has", () => {
  const proto = Readability.prototype as unknown as Record<string, unknown>;
  for (const name of READER_OVERRIDES) assert.equal(typeof proto[name], "function", `Readability.prototype.${name}`);
});

test("styleValue reads a style attribute as linkedom does", () => {
  assert.equal(styleValue("color: red; display : none ;", "display"), "none");
  assert.equal(styleValue("display:none;display:block", "display"), "block");
  assert.equal(styleValue("display:", "display"), "");
  assert.equal(styleValue("display: none !important", "display"), "none !important");
});

test("TextReadability finds the same article as Readability on the Zyte pages", () => {
  const dir = corpusPath("extraction", "zyte", "html");
  const absent = new Set([...CLEANED_OUT, "nav", "aside", "footer"]);
  for (const f of readdirSync(dir).filter((name) => name.endsWith(".html.gz"))) {
    const { html } = cleanMarkup(gunzipSync(readFileSync(`${dir}/${f}`)).toString("utf8"));
    const read = (make: (doc: never) => { parse(): { title?: unknown; textContent?: unknown } | null }) => {
      const { document } = parseHTML(html);
      for (const el of elementsByTag(document as unknown as Prunable, ["nav", "aside", "footer"])) el.remove();
      const r = make(document as never).parse();
      return { title: r?.title, text: r?.textContent };
    };
    const plain = read((doc) => new Readability(doc));
    const fast = read((doc) => new TextReadability(doc, {}, absent));
    assert.deepEqual(fast, plain, f);
  }
});

interface Prunable extends TreeElement<Prunable> {
  remove(): void;
}

test("foldForMatch on ASCII (its short path) equals the full fold", () => {
  const full = (s: string) =>
    s
      .normalize("NFC")
      .replace(/[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu, "")
      .replace(/[\u0622\u0623\u0625\u0671]/gu, "\u0627")
      .replace(/\u0649/gu, "\u064A")
      .replace(/\u0629/gu, "\u0647")
      .toLowerCase()
      .replace(/[\p{P}\p{S}]+/gu, " ")
      .replace(/\s+/gu, " ")
      .trim();
  const alphabet = "aZ09 ,.!?;:'\"()[]$%&*+-/<=>@^_`{|}~\t\n\r\f\v\u0000\u001f\u007f";
  let seed = 7;
  for (let i = 0; i < 3000; i++) {
    let s = "";
    for (let k = 0; k < 16; k++) s += alphabet[(seed = (seed * 48271) % 2147483647) % alphabet.length];
    assert.equal(foldForMatch(s), full(s), JSON.stringify(s));
  }
  assert.equal(foldForMatch("Read MORE: the Story!"), "read more the story");
  assert.equal(foldForMatch("أحمد – «الصباح»"), "احمد الصباح");
});
