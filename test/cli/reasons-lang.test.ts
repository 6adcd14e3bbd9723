import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { ProgressBar } from "../../src/cli/progress.js";
import { FSI, PDI } from "../../src/i18n/bidi.js";
import { noteText } from "../../src/i18n/notes.js";
import { REASONS, failureText, said, type ReasonKey } from "../../src/i18n/reasons.js";
import { FeedServer } from "../watch/feed-server.js";
import { rasd, rasdAsync, tempDir } from "../helpers/cli.js";

const ARABIC = /\p{Script=Arabic}/u;
const ISOLATED = new RegExp(`${FSI}[^${PDI}]*${PDI}`, "gu");

/**
 * Arabic text of rasd's own: Arabic words, and no Latin letter or digit outside an isolate (FSI … PDI) but the
 * "rasd <command>:" that opens a line, as typed.
 */
function assertArabic(line: string, what: string): void {
  assert.match(line, ARABIC, `${what}: no Arabic in ${JSON.stringify(line)}`);
  const rest = line.replace(/^rasd(?: [a-z-]+)?:/u, "").replace(ISOLATED, "");
  assert.doesNotMatch(rest, /[A-Za-z0-9]/u, `${what}: English or an unisolated run in ${JSON.stringify(line)}`);
  assert.equal((line.match(/\u2068/gu) ?? []).length, (line.match(/\u2069/gu) ?? []).length, `${what}: unbalanced`);
}

function lines(text: string): string[] {
  return text.split(/\r?\n|\r/u).filter((l) => l.trim() !== "");
}

/**
 * Parameters for any reason: every field a string holding Latin letters and digits (so both must be isolated in the
 * Arabic) that also reads as a nested reason (`.en`, `.ar`) where a reason takes one.
 */
function params(): never {
  const value = Object.assign(new String("feeds/2016 bad.jsonl"), {
    en: "has no title, link or text",
    ar: said("itemEmpty").ar,
  });
  return new Proxy({}, { get: () => value }) as never;
}

describe("the pipeline's and the fetcher's reasons", () => {
  it("every reason exists in both languages: Arabic with its values isolated, English without Arabic", () => {
    const keys = Object.keys(REASONS) as ReasonKey[];
    assert.ok(keys.length >= 35, "the catalogue lost its reasons");
    for (const key of keys) {
      const s = (said as (k: string, p: unknown) => { en: string; ar: string })(key, params());
      const en = String(s.en);
      assertArabic(s.ar, `${key} ar`);
      assert.doesNotMatch(en, ARABIC, `${key} en`);
      assert.ok(!en.includes(FSI) && /[a-z]{2,}/u.test(en), `${key} en: ${en}`);
    }
  });

  it("the English is what the messages always said, byte for byte (scripts and JSON `reason` read it)", () => {
    assert.equal(said("empty", { path: "a.txt" }).en, `"a.txt" is empty; nothing to ingest`);
    assert.equal(
      said("lineRecord", { n: 3, path: "x.jsonl", record: said("itemEmpty") }).en,
      `line 3 of "x.jsonl" has no title, link or text`,
    );
    assert.equal(
      said("cannotFetch", { url: "http://h/f", why: said("fetchStatus", { status: 503, text: "Service Unavailable" }) })
        .en,
      `cannot fetch "http://h/f": the server answered 503 Service Unavailable`,
    );
    assert.equal(said("fetchStatus", { status: 500, text: "" }).en, "the server answered 500");
  });

  it("a failure without an Arabic sentence says what its kind means, the English isolated as details", () => {
    const f = { code: "INTERNAL" as const, reason: "boom at step 2" };
    assert.equal(failureText("en", f), "boom at step 2");
    assertArabic(failureText("ar", f), "generic failure");
    assert.ok(failureText("ar", f).includes(`${FSI}boom at step 2${PDI}`));
    assert.equal(failureText("ar", { ...f, ar: "سبب" }), "سبب");
  });
});

describe("rasd ingest on broken inputs, in Arabic", () => {
  const dir = tempDir();
  const inputs = join(dir, "inputs");
  before(() => {
    mkdirSync(inputs);
    writeFileSync(
      join(inputs, "records.jsonl"),
      [
        JSON.stringify({ title: "خبر سليم", text: "نص خبر سليم عن افتتاح حديقة في المدينة.", url: "https://e.com/1" }),
        "{ not json",
        JSON.stringify({ views: 12 }),
        JSON.stringify([1, 2]),
      ].join("\n") + "\n",
    );
    writeFileSync(join(inputs, "empty.txt"), "");
    writeFileSync(join(inputs, "page.xml"), "<html><body>not a feed</body></html>");
    writeFileSync(join(inputs, "broken.json"), "{ not json");
    writeFileSync(join(inputs, "config.json"), JSON.stringify({ settings: { a: 1 } }));
    writeFileSync(join(inputs, "binary.html"), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 8, 0, 0, 1]));
  });

  it("names every failure in Arabic, with no English outside isolated paths and codes", () => {
    const store = join(dir, "store-ar");
    const r = rasd(["ingest", "--store", store, inputs, join(dir, "missing.txt")], { env: { RASD_LANG: "" } });
    assert.equal(r.status, 3, r.stderr);
    const err = lines(r.stderr);
    // records.jsonl: 3 bad lines; empty.txt, page.xml, broken.json, binary.html, missing.txt; config.json skipped;
    // and the note that a new store is made.
    assert.equal(err.length, 10, r.stderr);
    for (const l of err) assertArabic(l, "rasd ingest");
    for (const l of lines(r.stdout)) assertArabic(l, "rasd ingest (result)");
    assert.ok(r.stderr.includes(`${FSI}${join(dir, "missing.txt")}${PDI}`), "the path is shown, isolated");
  });

  it("says the same in English with RASD_LANG=en, and the JSON report keeps the English reason", () => {
    const store = join(dir, "store-en");
    const r = rasd(["ingest", "--store", store, inputs, join(dir, "missing.txt")]);
    assert.equal(r.status, 3, r.stderr);
    assert.doesNotMatch(r.stderr, ARABIC);
    assert.match(r.stderr, /line 2 of ".*records\.jsonl" is not valid JSON/u);
    assert.match(r.stderr, /no such file or folder; check the path/u);
    const json = rasd(["ingest", "--store", join(dir, "store-json"), "--json", inputs]);
    const report = JSON.parse(json.stdout) as { failures: Array<{ reason: string; ar?: string }> };
    assert.equal(report.failures.length, 7);
    for (const f of report.failures) {
      assert.doesNotMatch(f.reason, ARABIC, "reason stays English");
      assert.ok(f.ar !== undefined, `an Arabic reason beside ${f.reason}`);
      assertArabic(f.ar, "failures[].ar");
    }
  });
});

describe("rasd watch on failing feeds, in Arabic", () => {
  const feeds = new FeedServer();
  before(async () => {
    await feeds.start();
    feeds.routes.set("/down.xml", { status: 503, body: "busy" });
    feeds.routes.set("/page.xml", { body: "<html><body>a site, not a feed</body></html>", contentType: "text/html" });
    feeds.routes.set("/cut.xml", {
      body: "<rss><channel><item><title>خبر</title>",
      contentType: "application/rss+xml",
    });
  });
  after(() => feeds.stop());

  it("each poll's error is Arabic, values isolated", async () => {
    const store = join(tempDir(), "store");
    const urls = ["/down.xml", "/page.xml", "/cut.xml", "/gone.xml"].map((p) => feeds.url(p));
    const r = await rasdAsync(["watch", "--once", "--store", store, ...urls], { RASD_LANG: "" });
    assert.equal(r.status, 1, r.stderr);
    const err = lines(r.stderr);
    assert.equal(err.length, 5, r.stderr); // the new store, then one line per feed
    for (const l of err) assertArabic(l, "rasd watch");
    for (const l of lines(r.stdout)) assertArabic(l, "rasd watch (result)");
    // The desk's list of sources shows the health the watcher recorded, the last error in Arabic too.
    const added = await rasdAsync(["sources", "add", "--store", store, urls[0]!], { RASD_LANG: "" });
    assert.equal(added.status, 0, added.stderr);
    const shown = lines(added.stdout);
    assert.equal(shown.length, 1, added.stdout);
    assertArabic(shown[0]!, "rasd sources add");
    assert.match(shown[0]!, /آخر خطأ: تعذّر جلب/u);
    assert.ok(err.some((l) => l.includes(`${FSI}503 Service Unavailable${PDI}`)));
  });
});

describe("rasd watch refusing what is not a feed URL, in Arabic", () => {
  it("says why in Arabic, the argument isolated, exit 2", () => {
    for (const arg of ["not a url", "ftp://example.com/rss.xml"]) {
      const r = rasd(["watch", "--once", "--store", join(tempDir(), "s"), arg], { env: { RASD_LANG: "" } });
      assert.equal(r.status, 2, r.stderr);
      const err = lines(r.stderr);
      assert.equal(err.length, 1, r.stderr);
      assertArabic(err[0]!, "rasd watch");
      assert.ok(err[0]!.includes(`${FSI}${arg}${PDI}`), err[0]);
    }
  });
});

describe("the progress bar", () => {
  function drawn(lang: "ar" | "en"): string {
    let out = "";
    const stream = Object.assign(
      new Writable({
        write(chunk: Buffer, _enc, cb) {
          out += chunk.toString("utf8");
          cb();
        },
      }),
      { columns: 200 },
    );
    const bar = new ProgressBar(stream, true, noteText(lang, "barIngest"), lang);
    bar.update(0.5, noteText(lang, "barIngestCounts", { stored: 3, existing: 1, failed: 2 }), true);
    return out.replace(/^\r/u, "").trimEnd();
  }

  it("speaks the command line's language, its numbers isolated in Arabic", () => {
    const ar = drawn("ar");
    assertArabic(ar.replace(/[█░]/gu, ""), "progress ar");
    assert.ok(ar.includes(`${FSI} 50%${PDI}`), ar);
    const en = drawn("en");
    assert.match(en, /^ingest █+░+ {2}50% 3 stored, 1 known, 2 failed ~\ds left$/u);
    assert.doesNotMatch(en, ARABIC);
  });
});
