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
    assert.equal(
      markRanges("a<b>c", [{ start: 1, end: 4 }], "hl").value,
      '<bdi>a</bdi><mark class="hl"><bdi>&lt;b&gt;</bdi></mark><bdi>c</bdi>',
    );
    assert.equal(
      markSubstrings("قتل 12 وجرح 12", ["12"], "d").value,
      'قتل <mark class="d"><bdi>12</bdi></mark> وجرح <mark class="d"><bdi>12</bdi></mark>',
    );
    fc.assert(
      fc.property(fc.string(), fc.array(fc.record({ start: fc.nat(40), end: fc.nat(40) })), (s, ranges) => {
        const out = markRanges(s, ranges, "hl").value.replace(/<\/?(mark|bdi)[^>]*>/gu, "");
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
  /** The desktop rendering of a chart (the phone one follows it). */
  const wide = (h: string) => h.split("chart-narrow")[0]!;

  it("draws one bar per day and one marker per dated event, right to left in Arabic", () => {
    const svg = wide(
      timelineChart("ar", {
        articleDays: ["2024-03-04", "2024-03-05", "2024-03-05", "2024-03-10"],
        events: [
          { date: "2024-03-05", text: "<حدث>", n: 1 },
          { date: "2024-03", text: "شهر", n: 2 },
        ],
        label: "x",
      }).value,
    );
    assert.equal((svg.match(/<rect /gu) ?? []).length, 3);
    assert.equal((svg.match(/<circle /gu) ?? []).length, 2);
    assert.ok(!svg.includes("<حدث>"));
    const firstBar = (s: string) =>
      Number(/<rect class="bar" x="([\d.]+)"[^>]*><title>\u2068?2024-03-04/u.exec(s)?.[1]);
    const ltr = wide(timelineChart("en", { articleDays: ["2024-03-04", "2024-03-10"], events: [], label: "x" }).value);
    assert.ok(firstBar(svg) > firstBar(ltr), "the first day is on the right in Arabic");
    assert.equal(timelineChart("ar", { articleDays: [], events: [], label: "x" }).value, "");
  });

  it("folds an outlying date out of the scale, so the main days keep their own bars", () => {
    const days = [
      "2014-08-03",
      ...Array.from({ length: 20 }, (_, i) => `2016-02-${String(1 + (i % 14)).padStart(2, "0")}`),
    ];
    const html = timelineChart("ar", { articleDays: days, events: [], label: "x" }).value;
    const svg = wide(html);
    assert.equal((svg.match(/<rect /gu) ?? []).length, 14, "one bar per February day");
    assert.doesNotMatch(svg, /2014-08-03/u, "the outlier is not on the axis");
    assert.match(html, /<p class="folded">[\s\S]*2014-08-03/u, "but listed beside the chart");
  });

  it("never draws two labels closer than their width, and keeps axis dates inside the drawing", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 80 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }),
        (offsets, evs) => {
          const day = (o: number) => new Date(Date.UTC(2016, 0, 1 + o)).toISOString().slice(0, 10);
          const html = timelineChart("ar", {
            articleDays: offsets.map(day),
            events: evs.map((o, i) => ({ date: day(o), text: "حدث", n: i + 1 })),
            label: "x",
          }).value;
          for (const [svg, width, room] of [
            [wide(html), 720, 22],
            [html.split("chart-narrow")[1] ?? "", 360, 24],
          ] as const) {
            // Count labels above bars (fill #222) and event numbers (fill #fff), each row by its y.
            for (const fill of ["#222", "#fff"]) {
              const byRow = new Map<string, number[]>();
              for (const m of svg.matchAll(new RegExp(`<text x="([\\d.]+)" y="([\\d.]+)"[^>]*fill="${fill}"`, "gu")))
                byRow.set(fill === "#fff" ? m[2]! : "bars", [
                  ...(byRow.get(fill === "#fff" ? m[2]! : "bars") ?? []),
                  Number(m[1]),
                ]);
              for (const row of byRow.values()) {
                const sorted = [...row].sort((a, b) => a - b);
                for (let i = 1; i < sorted.length; i++) if (sorted[i]! - sorted[i - 1]! < room) return false;
              }
            }
            // Axis dates: start-anchored ones fit to the right, end-anchored ones to the left.
            for (const m of svg.matchAll(
              /<text x="([\d.]+)" y="\d+" text-anchor="(start|end|middle)"[^>]*direction="ltr">/gu,
            )) {
              const x = Number(m[1]);
              const w = 10 * 7.5;
              if (m[2] === "start" && x + w > width) return false;
              if (m[2] === "end" && x - w < 0) return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 150 },
    );
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
