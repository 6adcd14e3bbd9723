import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { RasdError } from "../../src/core/errors.js";
import { UPLOAD_EXTENSIONS, safeName } from "../../src/server/data/ingest.js";
import { Lru } from "../../src/server/data/lru.js";
import { timelineChart } from "../../src/server/views/chart.js";
import { escapeHtml, html } from "../../src/server/views/html.js";
import { markRanges, markSubstrings } from "../../src/server/views/marks.js";

describe("html escaping", () => {
  it("an interpolated string never becomes markup", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const text = html`${s}`.value;
        const attr = html`<a title="${s}">`.value;
        return !/[<>"'`]/u.test(text) && attr.startsWith('<a title="') && !attr.slice(10, -2).includes('"');
      }),
    );
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&`), "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;");
  });

  it("nested html stays as built, arrays join, null and false vanish", () => {
    const inner = html`<b>${"<i>"}</b>`;
    assert.equal(html`${[inner, null, false, "x"]}`.value, "<b>&lt;i&gt;</b>x");
  });

  it("marks ranges and substrings without letting the text out unescaped", () => {
    assert.equal(markRanges("a<b>c", [{ start: 1, end: 4 }], "hl").value, 'a<mark class="hl">&lt;b&gt;</mark>c');
    assert.equal(
      markSubstrings("قتل 12 وجرح 12", ["12"], "d").value,
      'قتل <mark class="d">12</mark> وجرح <mark class="d">12</mark>',
    );
    fc.assert(
      fc.property(fc.string(), fc.array(fc.record({ start: fc.nat(40), end: fc.nat(40) })), (s, ranges) => {
        const out = markRanges(s, ranges, "hl").value.replace(/<\/?mark[^>]*>/gu, "");
        return out === escapeHtml(s);
      }),
    );
  });
});

describe("upload names", () => {
  it("keep one safe segment with a known ending, whatever they were", () => {
    const ext = UPLOAD_EXTENSIONS.map((e) => e.replace(/\./gu, "\\.")).join("|");
    const shape = new RegExp(`^[\\p{L}\\p{N}_-]+(?:${ext})$`, "u");
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...UPLOAD_EXTENSIONS), (stem, e) => {
        const name = safeName(stem + e);
        return shape.test(name) && !name.includes("/") && !name.includes("\\") && !name.startsWith(".");
      }),
    );
    assert.equal(safeName("../../etc/passwd.txt"), "passwd.txt");
    assert.equal(safeName("C:\\x\\..\\خبر عاجل.HTML"), "خبر_عاجل.html");
    assert.throws(
      () => safeName("passwd"),
      (e: unknown) => e instanceof RasdError && e.code === "USAGE",
    );
  });
});

describe("the story chart", () => {
  it("draws one bar per day and one marker per dated event, right to left in Arabic", () => {
    const svg = timelineChart("ar", {
      articleDays: ["2024-03-04", "2024-03-05", "2024-03-05", "2024-03-10"],
      events: [
        { date: "2024-03-05", text: "<حدث>", n: 1 },
        { date: "2024-03", text: "شهر", n: 2 },
      ],
      label: "x",
    }).value;
    assert.equal((svg.match(/<rect /gu) ?? []).length, 3);
    assert.equal((svg.match(/<circle /gu) ?? []).length, 2);
    assert.ok(!svg.includes("<حدث>"));
    const x = (day: string, s: string) =>
      Number(
        new RegExp(`<title>${day}: \\d+</title>`, "u").test(s)
          ? /x="([\d.]+)"[^>]*><title>2024-03-04/u.exec(s)?.[1]
          : NaN,
      );
    const ltr = timelineChart("en", { articleDays: ["2024-03-04", "2024-03-10"], events: [], label: "x" }).value;
    assert.ok(x("2024-03-04", svg) > x("2024-03-04", ltr), "the first day is on the right in Arabic");
    assert.equal(timelineChart("ar", { articleDays: [], events: [], label: "x" }).value, "");
  });
});

describe("the LRU cache", () => {
  it("keeps at most its size, dropping the least recently used", () => {
    const c = new Lru<string, number>(2);
    c.set("a", 1);
    c.set("b", 2);
    c.get("a");
    c.set("c", 3);
    assert.equal(c.get("b"), undefined);
    assert.equal(c.get("a"), 1);
    assert.equal(c.size, 2);
  });
});
