import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { gunzipSync } from "node:zlib";
import { before, describe, it } from "node:test";
import { ProgressBar } from "../../src/cli/progress.js";
import { loadHasher } from "../../src/core/hash.js";
import { ingest } from "../../src/pipeline/ingest.js";
import { createStages } from "../../src/assemble/stages.js";
import { Store } from "../../src/store/store.js";
import { projectRoot } from "../../src/core/paths.js";
import { rasd, tempDir } from "../helpers/cli.js";
import { parseCsv } from "../helpers/csv.js";

/** The command line as #21 asks: strict dates, phrases, readable highlights, Excel CSV, no store made by a typo. */
const SEEDS = join(projectRoot(), "..", "shared", "corpus", "seeds");
const STREAM = join(projectRoot(), "..", "shared", "corpus", "streams", "saudinewsnet.jsonl.gz");
const skip = existsSync(SEEDS) && existsSync(STREAM) ? false : "needs ../shared/corpus (seeds and streams)";

describe("the command line for an analyst", { skip, timeout: 600_000 }, () => {
  const store = join(tempDir(), "store");
  before(() => {
    const head = join(tempDir(), "saudinewsnet-head.jsonl");
    writeFileSync(head, gunzipSync(readFileSync(STREAM)).toString("utf8").split("\n").slice(0, 300).join("\n") + "\n");
    const r = rasd(["ingest", "--store", store, SEEDS, head]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /creating a new store at/u, "a new store is announced, not made silently");
  });

  it("refuses an impossible date with exit 2 and says why", () => {
    for (const bad of ["2016-13", "2015-02-30", "2016-00"]) {
      const r = rasd(["search", "--store", store, "--since", bad, "التحالف"]);
      assert.equal(r.status, 2, bad);
      assert.match(r.stderr, new RegExp(`--since must be a date.*"${bad}"`, "u"));
    }
    assert.equal(rasd(["search", "--store", store, "--since", "2016-02-29", "التحالف"]).status, 0);
  });

  it("a phrase in quotes finds its words together; without quotes they may stand apart", () => {
    const hits = (q: string) =>
      (
        JSON.parse(rasd(["search", "--store", store, "--json", "--limit", "100", q]).stdout) as {
          hits: Array<{ id: string; title: string; snippet: { text: string } }>;
        }
      ).hits;
    const texts = new Map<string, string>();
    for (const line of rasd(["export", "--store", store])
      .stdout.split("\n")
      .filter((l) => l !== ""))
      texts.set((JSON.parse(line) as { id: string }).id, (JSON.parse(line) as { text: string; title: string }).text);
    const together = /تحالف\S*\s+(ال)?دولي/u;
    const phrase = hits('"التحالف الدولي"');
    const loose = hits("التحالف الدولي");
    assert.ok(phrase.length >= 1);
    for (const h of phrase) assert.match(texts.get(h.id) ?? "", together, h.title);
    assert.ok(
      loose.some((h) => !together.test(texts.get(h.id) ?? "")),
      "the words alone match more",
    );
  });

  it("highlights with brackets, never «», and isolates numbers and Latin runs", () => {
    const r = rasd(["search", "--store", store, "--limit", "5", "السعودية"]);
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(rasd(["search", "--store", store, "--json", "--limit", "5", "السعودية"]).stdout) as {
      hits: Array<{ title: string; snippet: { text: string } }>;
    };
    const quotesInText =
      json.hits
        .map((h) => h.title + h.snippet.text)
        .join("")
        .split("«").length - 1;
    assert.equal(r.stdout.split("«").length - 1, quotesInText, "« only where the article has it");
    assert.match(r.stdout, /\[[^\]\n]*سعود[^\]\n]*\]/u);
    assert.doesNotMatch(r.stdout, /\p{Script=Arabic} \d/u, "a number after Arabic is isolated (FSI first)");
  });

  it("finds an outlet by the name people use, and shows names, not slugs", () => {
    const r = rasd(["search", "--store", store, "--json", "--outlet", "الشرق الأوسط", "السعودية"]);
    assert.equal(r.status, 0, r.stderr);
    const hits = (JSON.parse(r.stdout) as { hits: Array<{ outlet: string }> }).hits;
    assert.ok(hits.length >= 1);
    for (const h of hits) assert.equal(h.outlet, "aawsat");
    const text = rasd(["search", "--store", store, "--outlet", "الشرق الأوسط", "السعودية"]).stdout;
    assert.match(text, /الشرق الأوسط/u);
    assert.doesNotMatch(text, /aawsat/u);
  });

  it("says counts with the right plural: never '1 articles' or '1 copies'", () => {
    const r = rasd(["stories", "--store", store, "--limit", "200"]);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /\b1 (articles|copies|outlets)\b/u);
    assert.match(r.stdout, /\b1 (article|outlet)\b/u);
    const ar = rasd(["stories", "--store", store, "--limit", "200"], { env: { RASD_LANG: "ar" } });
    assert.match(ar.stdout, /مقال واحد|مقالان|مقالات/u);
  });

  it("an entity's article count is the number stored, not the length of the list shown", () => {
    const r = rasd(["entity", "--store", store, "--json", "داعش"]);
    const e = (JSON.parse(r.stdout) as { entities: Array<{ id: string; articles: unknown[] }> }).entities[0]!;
    const text = rasd(["entity", "--store", store, "داعش"]).stdout;
    const n = Number(/(\d+) articles?/u.exec(text)?.[1]);
    assert.ok(n >= e.articles.length);
    const listed = text.split("\n").filter((l) => /^ {4}\S/u.test(l)).length;
    assert.equal(listed, Math.min(20, n));
  });

  it("exports CSV that Excel reads: byte-order mark, CRLF, the date's source, outlet, story, entities", () => {
    const r = rasd(["export", "--store", store, "--format", "csv"]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith("\uFEFF"), "a byte-order mark first");
    assert.doesNotMatch(r.stdout.replace(/"[^"]*"/gu, ""), /[^\r]\n/u, "every record ends with CRLF");
    const [header, ...rows] = parseCsv(r.stdout.slice(1));
    const col = (name: string) => header!.indexOf(name);
    for (const name of ["id", "title", "outlet", "published", "published_source", "story", "entities", "text"])
      assert.ok(col(name) >= 0, name);
    const jsonl = rasd(["export", "--store", store])
      .stdout.split("\n")
      .filter((l) => l !== "");
    assert.equal(rows.length, jsonl.length, "one row per article, whatever the text holds");
    for (const [i, line] of jsonl.entries()) {
      const a = JSON.parse(line) as { id: string; text: string; published: { date: string | null; source?: string } };
      const row = rows[i]!;
      assert.equal(row[col("id")], a.id);
      assert.equal(row[col("text")], a.text, "text survives quoting");
      assert.equal(row[col("published_source")], a.published.date === null ? "" : (a.published.source ?? ""));
    }
    assert.ok(rows.some((row) => row[col("outlet")] === "الشرق الأوسط"));
    assert.ok(rows.some((row) => (row[col("entities")] ?? "").length > 0));
  });

  it("a mistyped --store is refused by reading commands, and nothing is created", () => {
    const typo = join(tempDir(), "no-such-store");
    for (const cmd of [["stories"], ["search", "x"], ["export"], ["entity", "x"], ["topics"], ["story", "s1"]]) {
      const r = rasd([...cmd, "--store", typo]);
      assert.equal(r.status, 2, cmd.join(" "));
      assert.match(r.stderr, /there is no store at .*--create/u);
      assert.equal(existsSync(typo), false, "no store was made");
    }
    const ok = rasd(["stories", "--store", typo, "--create"]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.ok(existsSync(typo));
  });
});

describe("the progress bar", () => {
  it("draws on a terminal that reports 0 columns (or none) without throwing", () => {
    for (const columns of [0, undefined, -1, Number.NaN, 5]) {
      const out = Object.assign(new PassThrough(), { columns });
      const chunks: string[] = [];
      out.on("data", (c: Buffer) => chunks.push(c.toString()));
      const bar = new ProgressBar(out, true, "ingest");
      bar.update(0.5, "x", true);
      bar.done();
      assert.ok(chunks.join("").includes("50%"), String(columns));
    }
  });

  it("moves through a single big file instead of waiting at 50%", { skip, timeout: 300_000 }, async () => {
    const file = join(tempDir(), "one.jsonl");
    writeFileSync(file, gunzipSync(readFileSync(STREAM)).toString("utf8").split("\n").slice(0, 200).join("\n") + "\n");
    const s = await Store.open({ dir: "memory://" });
    try {
      await loadHasher();
      const seen: number[] = [];
      await ingest(s, {
        paths: [file],
        stages: createStages(),
        batchSize: 25,
        onProgress: (p) => seen.push(p.fraction),
      });
      const during = seen.slice(0, -1);
      assert.ok(during.length >= 6, `${during.length} updates`);
      for (let k = 1; k < seen.length; k++) assert.ok(seen[k]! >= seen[k - 1]!, "never goes back");
      assert.ok(during.some((f) => f > 0.1 && f < 0.4) && during.some((f) => f > 0.6 && f < 1), during.join(" "));
      assert.equal(seen[seen.length - 1], 1);
    } finally {
      await s.close();
    }
  });
});
