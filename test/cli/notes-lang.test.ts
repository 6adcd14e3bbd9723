import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { FSI, PDI } from "../../src/i18n/bidi.js";
import { MARKDOWN_WORDS } from "../../src/i18n/markdown.js";
import { NOTES, noteText, type NoteKey } from "../../src/i18n/notes.js";
import { said } from "../../src/i18n/reasons.js";
import { rasd, tempDir } from "../helpers/cli.js";

const ARABIC = /\p{Script=Arabic}/u;
const ISOLATED = new RegExp(`${FSI}[^${PDI}]*${PDI}`, "gu");

/**
 * An Arabic line of the command line's own: Arabic words, and no Latin letter or digit outside an isolate (FSI …
 * PDI) but the "rasd <command>:" or "<command>:" that opens it, as typed.
 */
function assertArabicLine(line: string, what: string): void {
  assert.match(line, ARABIC, `${what}: no Arabic in ${JSON.stringify(line)}`);
  const rest = line.replace(/^(?:rasd(?: [a-z-]+)?|[a-z]+):/u, "").replace(ISOLATED, "");
  assert.doesNotMatch(rest, /[A-Za-z0-9]/u, `${what}: untranslated or unisolated run in ${JSON.stringify(line)}`);
}

/** Parameters for any note: every field a number (digits must then be isolated), with `over` taking precedence. */
function params(over: Record<string, unknown> = {}): never {
  return new Proxy(over, { get: (t, k) => (typeof k === "string" && k in t ? t[k] : 7) }) as never;
}

const VARIANTS: Partial<Record<NoteKey, Array<Record<string, unknown>>>> = {
  newStore: [{ command: "stories" }],
  watchPoll: [
    { outcome: "error", errorAr: null },
    {
      outcome: "error",
      errorAr: said("cannotFetch", { url: "http://e.com/rss", why: said("fetchTimeout", { seconds: 30 }) }).ar,
    },
    { outcome: "not-modified" },
    {
      outcome: "ok",
      brokenNotesAr: said("brokenItem", { index: 2, url: "http://e.com/rss", record: said("itemEmpty") }).ar,
    },
  ],
  serveFeedError: [
    { errorAr: null },
    { errorAr: said("cannotFetch", { url: "http://e.com/rss", why: said("fetchTimeout", { seconds: 30 }) }).ar },
  ],
  sourceLine: [
    { paused: true, lastPoll: null, lastStatus: null, backoffUntil: null, lastError: null },
    { paused: false, failures: 0, lastPoll: "2016-02-01 10:00:00 UTC", backoffUntil: null, lastError: null },
    {
      paused: false,
      lastPoll: "2016-02-01 10:00:00 UTC",
      backoffUntil: "2016-02-01 10:05:00 UTC",
      lastError: "boom",
      lastErrorAr: null,
    },
    {
      paused: false,
      lastPoll: "2016-02-01 10:00:00 UTC",
      backoffUntil: null,
      lastError: "boom",
      lastErrorAr: said("cannotFetch", { url: "http://e.com/rss", why: said("fetchTimeout", { seconds: 30 }) }).ar,
    },
  ],
  replayProgress: [{ reached: undefined }, {}],
  workerJob: [{ outOfOrder: false }, { outOfOrder: true }],
};

test("every note exists in both languages: Arabic with its values isolated, English without Arabic", () => {
  const keys = Object.keys(NOTES) as NoteKey[];
  assert.ok(keys.length >= 20, "the catalogue lost its notes");
  for (const key of keys) {
    for (const over of VARIANTS[key] ?? [{}]) {
      const [ar, en] = (["ar", "en"] as const).map((lang) =>
        (noteText as (l: string, k: string, p: unknown) => string)(lang, key, params(over)),
      );
      assertArabicLine(ar!, `${key} ar`);
      assert.doesNotMatch(en!, ARABIC, `${key} en`);
      assert.ok(!en!.includes(FSI) && /[a-z]{3,}/u.test(en!), `${key} en: ${en}`);
    }
  }
  for (const [key, w] of Object.entries(MARKDOWN_WORDS)) {
    assert.match(w.ar, ARABIC, `markdown ${key} ar`);
    assert.doesNotMatch(w.en, ARABIC, `markdown ${key} en`);
  }
});

test("the English notes are the contract's, byte for byte", () => {
  assert.equal(
    noteText("en", "storiesEmpty"),
    "no stories stored yet; 'rasd ingest PATH…' adds articles and clusters them",
  );
  assert.equal(noteText("en", "searchCount", { shown: 1, total: 1 }), "1 of 1 result");
  assert.equal(
    noteText("en", "replayProgress", { done: 3, records: 9, reached: undefined }),
    "rasd replay: 3/9 (undated)",
  );
});

test("commands speak Arabic by default in their notes; RASD_LANG=en keeps the English", () => {
  const store = join(tempDir(), "store");
  const stories = rasd(["stories", "--store", store, "--create"], { env: { RASD_LANG: "" } });
  assert.equal(stories.status, 0, stories.stderr);
  const storyLines = stories.stderr.split("\n").filter((l) => l.trim() !== "");
  assert.equal(storyLines.length, 2, stories.stderr);
  for (const l of storyLines) assertArabicLine(l, "rasd stories");
  assert.ok(stories.stderr.includes(isolated(store)), "the store's path is shown, isolated");

  const search = rasd(["search", "--store", store, "في من"], { env: { RASD_LANG: "" } });
  assert.equal(search.status, 0, search.stderr);
  const searchLines = search.stderr.split("\n").filter((l) => l.trim() !== "");
  assert.equal(searchLines.length, 2, search.stderr);
  for (const l of searchLines) assertArabicLine(l, "rasd search");

  const sources = rasd(["sources", "list", "--store", store], { env: { RASD_LANG: "" } });
  assert.equal(sources.status, 0, sources.stderr);
  const sourceLines = sources.stderr.split("\n").filter((x) => x.trim() !== "");
  assert.equal(sourceLines.length, 1, sources.stderr);
  assertArabicLine(sourceLines[0]!, "rasd sources");

  const english = rasd(["stories", "--store", store], { env: { RASD_LANG: "en" } });
  assert.equal(english.stderr, "no stories stored yet; 'rasd ingest PATH…' adds articles and clusters them\n");

  const page = join("sample", "pages", "alraed-2024-03-04-alexandria-rain.txt");
  const ingest = rasd(["ingest", "--store", store, page], { env: { RASD_LANG: "" } });
  assert.equal(ingest.status, 0, ingest.stderr);
  assert.equal(ingest.stdout.split("\n").filter((l) => l.trim() !== "").length, 1, ingest.stdout);
  assertArabicLine(ingest.stdout.trim(), "rasd ingest");
  const found = rasd(["search", "--store", store, "الإسكندرية"], { env: { RASD_LANG: "" } });
  assert.equal(found.status, 0, found.stderr);
  assertArabicLine(found.stderr.trim(), "rasd search, results");
});

function isolated(s: string): string {
  return FSI + s + PDI;
}

test("the Markdown story view has Arabic headings in Arabic mode and English ones with RASD_LANG=en", () => {
  const pages = ["alraed-2024-03-04-alexandria-rain.txt", "alraed-2024-03-10-alexandria-schools.txt"].map((f) =>
    join("sample", "pages", f),
  );
  const ar = rasd(["summarize", ...pages], { env: { RASD_LANG: "" } });
  assert.equal(ar.status, 0, ar.stderr);
  const headings = ar.stdout.split("\n").filter((l) => l.startsWith("## "));
  assert.ok(headings.length >= 2, ar.stdout);
  for (const h of headings) assertArabicLine(h.slice(3), "markdown heading");
  assert.ok(headings.includes(`## ${MARKDOWN_WORDS.sources.ar}`));
  assertArabicLine(ar.stdout.split("\n")[2]!, "markdown span line");
  const en = rasd(["summarize", ...pages], { env: { RASD_LANG: "en" } });
  assert.equal(en.status, 0, en.stderr);
  assert.match(en.stdout, /^## Summary$/mu);
  assert.match(en.stdout, /^## Sources$/mu);
  assert.doesNotMatch(en.stdout.split("\n")[2]!, ARABIC);
});
