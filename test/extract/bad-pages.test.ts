import { test } from "node:test";
import assert from "node:assert/strict";
import { extractFrom } from "./helpers.js";

/** Each bad page must end with a diagnostic and an empty or partial article, quickly, without throwing. */
const BOUND_MS = 15_000;

async function timed(html: string, format: "html" | "text" = "html") {
  const t0 = performance.now();
  const r = await extractFrom(html, format, "bad");
  const ms = performance.now() - t0;
  assert.ok(ms < BOUND_MS, `took ${ms.toFixed(0)} ms`);
  return { ...r, rules: r.ctx.messages.map((m) => m.rule) };
}

const para = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية خلال الموسم المقبل بحسب بيان رسمي.";

test("empty page: empty-body, empty article", async () => {
  for (const format of ["html", "text"] as const) {
    const { doc, rules } = await timed("  \n ", format);
    assert.ok(rules.includes("empty-body"));
    assert.equal(doc.article.text, "");
  }
});

test("binary page: binary error, empty article", async () => {
  const bytes = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join("");
  for (const format of ["html", "text"] as const) {
    const { doc, rules } = await timed(bytes, format);
    assert.ok(rules.includes("binary"), rules.join());
    assert.equal(doc.article.blocks.length, 0);
  }
});

test("truncated HTML: diagnostic and the part that is there", async () => {
  const html = `<html><head><title>عنوان</title></head><body><article>${`<p>${para}</p>`.repeat(6)}<p>جملة مقطوعة في منتص`;
  const { doc, rules } = await timed(html);
  assert.ok(rules.includes("truncated-html"));
  assert.ok(doc.article.text.includes(para));
});

test("a 50 MB page is cut, with a diagnostic, in bounded time", async () => {
  const chunk = `<div class="c"><p>${para}</p><span>x</span></div>\n`;
  const html = `<html><body>${chunk.repeat(Math.ceil(50_000_000 / chunk.length))}</body></html>`;
  const { rules } = await timed(html);
  assert.ok(rules.includes("too-large"));
});

test("100,000 nested elements: deep-nesting diagnostic, text still read", async () => {
  const n = 100_000;
  const html = `<html><body>${"<div>".repeat(n)}<p>${para}</p>${"</div>".repeat(n)}</body></html>`;
  const { doc, rules } = await timed(html);
  assert.ok(rules.includes("deep-nesting"));
  assert.ok(doc.article.text.includes(para.slice(0, 30)));
});

test("50,000 <aside> tags never closed: bounded time, text still read", async () => {
  const html = `<html><body>${`<aside><p>${para}</p>`.repeat(50_000)}</body></html>`;
  const { doc } = await timed(html);
  assert.ok(doc.article.text.includes(para.slice(0, 30)));
});

test("wrong declared charset (UTF-8 read as Latin-1): bad-charset diagnostic", async () => {
  const mojibake = Buffer.from(`<html><body>${`<p>${para}</p>`.repeat(5)}</body></html>`, "utf8").toString("latin1");
  const { rules } = await timed(mojibake);
  assert.ok(rules.includes("bad-charset"), rules.join());
});

test("replacement characters from a failed decode: bad-charset diagnostic", async () => {
  const html = `<html><body>${"<p>\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD</p>".repeat(10)}</body></html>`;
  const { rules } = await timed(html);
  assert.ok(rules.includes("bad-charset"));
});

test("a page with no readable content still returns, with a diagnostic", async () => {
  const { ctx } = await timed("<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>");
  assert.ok(ctx.messages.length > 0);
});
