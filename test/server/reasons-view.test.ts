import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import type { Source } from "../../src/desk/sources.js";
import { said } from "../../src/i18n/reasons.js";
import { Store } from "../../src/store/store.js";
import { ingestBody } from "../../src/server/views/ingest.js";
import { sourcesBody } from "../../src/server/views/sources.js";
import { tempDir } from "../helpers/cli.js";
import { ingestPaths } from "./fixture.js";

const ARABIC = /\p{Script=Arabic}/u;

/** What these checks read of linkedom's DOM (the project compiles without the DOM library's types). */
interface El {
  nodeType: number;
  textContent: string | null;
  tagName: string;
  outerHTML: string;
  childNodes: ArrayLike<El>;
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
}
interface Doc {
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}

/**
 * The text of `root` outside elements marked `lang="en"` or `data-verbatim` and outside <bdi> (where Latin and
 * numeric runs are isolated): what an Arabic reader reads as Arabic. The page check in test/browser applies the same
 * rule in Chromium; this is its static form for the two views the pipeline's reasons reach.
 */
function arabicText(el: El): string {
  let out = "";
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) out += node.textContent ?? "";
    else if (node.nodeType === 1) {
      const child = node;
      if (child.tagName === "BDI" || child.hasAttribute("data-verbatim") || child.getAttribute("lang") === "en")
        continue;
      out += arabicText(child);
    }
  }
  return out;
}

function document(body: string): Doc {
  return parseHTML(`<!doctype html><html lang="ar" dir="rtl"><body>${body}</body></html>`).document as unknown as Doc;
}

describe("the pipeline's reasons in the web UI", () => {
  it("the ingest result names each failed file's reason in Arabic, paths and codes isolated", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "broken.json"), "{ not json");
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "lines.jsonl"), '{"views": 3}\n');
    const store = await Store.open({ dir: "memory://" });
    try {
      const report = await ingestPaths(store, [dir, join(dir, "missing.html")]);
      assert.equal(report.failed, 4);
      const doc = document(String(ingestBody("ar", true, { ...report, stories: [] }, null)));
      const items = Array.from(doc.querySelectorAll("ul.failures li"));
      assert.equal(items.length, 4);
      for (const li of items) {
        const text = arabicText(li);
        assert.match(text, ARABIC, li.outerHTML);
        assert.doesNotMatch(text, /[A-Za-z0-9]/u, `English or an unisolated run: ${li.outerHTML}`);
      }
      const en = document(String(ingestBody("en", true, { ...report, stories: [] }, null)));
      assert.doesNotMatch(en.querySelector("ul.failures")?.textContent ?? "", ARABIC);
      assert.match(en.querySelector("ul.failures")?.textContent ?? "", /is not valid JSON/u);
    } finally {
      await store.close();
    }
  });

  it("the sources page shows a feed's last error in Arabic when rasd has it so", () => {
    const url = "https://example.com/rss.xml";
    const error = said("cannotFetch", { url, why: said("fetchStatus", { status: 503, text: "Service Unavailable" }) });
    const source: Source = {
      url,
      addedMs: 1,
      paused: false,
      intervalS: 300,
      lastPolledMs: Date.UTC(2016, 1, 1),
      lastStatus: 503,
      lastError: error.en,
      lastErrorAr: error.ar,
      failures: 3,
      nextPollMs: 0,
      polls: 4,
      itemsToday: 0,
      itemsTotal: 0,
    };
    const doc = document(String(sourcesBody("ar", [source], true, null)));
    const cell = doc.querySelector("td.last-error")!;
    assert.match(arabicText(cell), /تعذّر جلب/u);
    assert.doesNotMatch(arabicText(cell), /[A-Za-z0-9]/u, cell.outerHTML);
    assert.doesNotMatch(arabicText(doc.querySelector("td.state")!), /[0-9]/u, "the count of failures is isolated");
    // Without an Arabic sentence (a store written before it was kept), the English is shown marked as English.
    const old = document(String(sourcesBody("ar", [{ ...source, lastErrorAr: null }], true, null)));
    assert.equal(old.querySelector("td.last-error [lang=en]")?.textContent, error.en);
    const en = document(String(sourcesBody("en", [source], true, null)));
    assert.equal(en.querySelector("td.last-error")?.textContent, error.en);
  });
});
