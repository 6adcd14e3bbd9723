import assert from "node:assert/strict";
import { createReadStream, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { after, before, describe, it } from "node:test";
import { createGunzip, gzipSync } from "node:zlib";
import type { Hono } from "hono";
import { corpusPath } from "../../src/core/paths.js";
import type { Article, Story } from "../../src/core/types.js";
import { search } from "../../src/search/index.js";
import { createApp } from "../../src/server/app.js";
import { Store } from "../../src/store/store.js";
import { jsonLines, rasd, tempDir } from "../helpers/cli.js";
import { parseCsv } from "../helpers/csv.js";

/**
 * One read model, one date per article (issues 17 and 18): on the seeds and a SaudiNewsNet sample ingested by the
 * real command line, `rasd stories` and the river list the same stories in the same order, and the river, the story
 * page, `rasd story`, the search date filters, the entity pages, the article list and both exports show each
 * article's one stored date.
 */

type Exported = Article & { story: string | null; topic: string | null };

interface Card {
  id: string;
  span: { from: string | null; to: string | null };
}

let dir: string;
let storeDir: string;
let store: Store;
let app: Hono;
/** Every stored article as `rasd export` gives it, by id. */
const exported = new Map<string, Exported>();
/** `rasd stories --json` and `rasd topics --json`, read before the store is opened here. */
let cliStories: Array<{ id: string; firstDate: string | null; lastDate: string | null }> = [];
let cliTopics: Array<{ id: string }> = [];
let csv: string[][] = [];
/** `rasd story --json` of the seeds' stories, and `rasd search` on the Brussels meeting's day. */
const cliStory = new Map<string, Story>();
let brussels: { hits: { id: string; published: string | null }[] } = { hits: [] };
const SAMPLE = "saudinewsnet-sample.jsonl.gz";

/** The stream's first 200 records (one day: many ties) and every 300th of the next 30,000 (three weeks). */
async function writeSample(path: string): Promise<void> {
  const lines: string[] = [];
  const rl = createInterface({
    input: createReadStream(corpusPath("streams", "saudinewsnet.jsonl.gz")).pipe(createGunzip()),
  });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (n <= 200 || n % 300 === 0) lines.push(line);
    if (n >= 30_200) break;
  }
  rl.close();
  writeFileSync(path, gzipSync(lines.join("\n")));
}

function cli(args: string[]): string {
  const r = rasd([...args, "--store", storeDir]);
  assert.equal(r.status, 0, `rasd ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

async function api<T>(path: string): Promise<T> {
  const res = await app.request(path);
  assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
  return (await res.json()) as T;
}

/** The articles behind search hits: each hit and the copies folded into it. */
function articlesOf(hits: ReadonlyArray<{ id: string; copies: readonly string[] }>): string[] {
  return hits.flatMap((h) => [h.id, ...h.copies]);
}

function dateOf(id: string): string | null {
  const a = exported.get(id);
  assert.ok(a !== undefined, `article ${id} is not in the export`);
  return a.published.date;
}

/** A story's span as the story page computes it: its articles' earliest and latest stored dates. */
function spanOf(storyId: string): { from: string | null; to: string | null } {
  const days = [...exported.values()]
    .filter((a) => a.story === storyId && a.published.date !== null)
    .map((a) => a.published.date!)
    .sort();
  return { from: days[0] ?? null, to: days[days.length - 1] ?? null };
}

before(async () => {
  dir = tempDir("rasd-read-model-");
  storeDir = join(dir, "store");
  const sample = join(dir, SAMPLE);
  await writeSample(sample);
  cli(["ingest", "--json", corpusPath("seeds"), sample]);
  for (const a of jsonLines<Exported>(cli(["export"]))) exported.set(a.id, a);
  csv = parseCsv(cli(["export", "--format", "csv"]).replace(/^\uFEFF/u, ""));
  cliStories = jsonLines(cli(["stories", "--json", "--limit", "10000"]));
  cliTopics = jsonLines(cli(["topics", "--json", "--limit", "10000"]));
  const seedStories = new Set(
    [...exported.values()].filter((a) => a.source.path.includes("seeds")).map((a) => a.story),
  );
  for (const id of seedStories) if (id !== null) cliStory.set(id, JSON.parse(cli(["story", "--json", id])) as Story);
  brussels = JSON.parse(
    cli(["search", "--json", "--limit", "100", "--since", "2016-02-11", "--until", "2016-02-11", "الخميس"]),
  ) as typeof brussels;
  store = await Store.open({ dir: storeDir });
  app = createApp({ store, log: () => {} });
});

after(async () => {
  await store?.close();
});

async function riverCards(): Promise<Card[]> {
  const out: Card[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await api<{ stories: Card[] }>(`/api/stories?limit=200&offset=${offset}`);
    out.push(...page.stories);
    if (page.stories.length < 200) return out;
  }
}

describe("one read model", () => {
  it("rasd stories and the river (API and page) list the same stories in the same order", async () => {
    assert.ok(cliStories.length > 50, `only ${cliStories.length} stories`);
    const cards = await riverCards();
    assert.deepEqual(
      cards.map((c) => c.id),
      cliStories.map((s) => s.id),
    );
    // The river page, page by page, shows them in that order too.
    const onPages: string[] = [];
    for (let offset = 0; offset < cliStories.length; offset += 200) {
      const html = await (await app.request(`/?limit=200&offset=${offset}`)).text();
      for (const m of html.matchAll(/<h2[^>]*><a href="\/stories\/([^"]+)"[^>]*>/gu)) onPages.push(m[1]!);
    }
    assert.deepEqual(
      onPages,
      cliStories.map((s) => s.id),
    );
    // Same dates on both, and ties on the last date are broken the same way (the sample has many same-day stories).
    for (const [i, c] of cards.entries()) {
      assert.deepEqual(c.span, { from: cliStories[i]!.firstDate, to: cliStories[i]!.lastDate });
    }
    const sameDay = cards.filter((c, i) => i > 0 && c.span.to === cards[i - 1]!.span.to).length;
    assert.ok(sameDay > 20, `only ${sameDay} ties on the last date: the order test would not test the tie-breaks`);
  });

  it("rasd topics and the topics API list the same topics in the same order", async () => {
    const out: string[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = await api<{ topics: { id: string }[] }>(`/api/topics?limit=200&offset=${offset}`);
      out.push(...page.topics.map((t) => t.id));
      if (page.topics.length < 200) break;
    }
    assert.deepEqual(
      out,
      cliTopics.map((t) => t.id),
    );
  });
});

describe("one date per article", () => {
  it("every stored article has a date with its source; every sample record one", () => {
    let records = 0;
    for (const a of exported.values()) {
      assert.equal(
        a.published.date === null,
        a.published.source === undefined,
        `${a.source.path}: ${JSON.stringify(a.published)}`,
      );
      if (a.source.path.endsWith(SAMPLE) || a.source.path.includes(`${SAMPLE}:`)) {
        records++;
        assert.notEqual(a.published.date, null, `${a.source.path} has no date: ${a.published.evidence}`);
      }
    }
    assert.equal(records, 300);
  });

  it("the seeds' stories are dated from the pages and the siblings, as the gold says", () => {
    const byFile = new Map([...exported.values()].map((a) => [a.source.path.split("/").pop()!.slice(0, 3), a]));
    assert.equal(byFile.get("000")?.published.date, "2015-12-15");
    assert.equal(byFile.get("001")?.published.date, "2016-02-10");
    assert.equal(byFile.get("002")?.published.date, "2016-02-12");
    assert.equal(byFile.get("003")?.published.date, "2016-02-11");
    assert.equal(byFile.get("003")?.published.source, "story");
    assert.equal(byFile.get("004")?.published.date, null);
  });

  it("the CSV export and the article list show the same date", async () => {
    const [head, ...rows] = csv;
    const id = head!.indexOf("id");
    const published = head!.indexOf("published");
    assert.equal(rows.length, exported.size);
    for (const r of rows) assert.equal(r[published] || null, dateOf(r[id]!), `CSV row ${r[id]}`);
    let seen = 0;
    for (let before: number | null = null; ;) {
      const page: { articles: { id: string; published: string | null }[]; next: number | null } = await api(
        `/api/articles?limit=200${before === null ? "" : `&before=${before}`}`,
      );
      for (const a of page.articles) assert.equal(a.published, dateOf(a.id));
      seen += page.articles.length;
      if (page.next === null) break;
      before = page.next;
    }
    assert.equal(seen, exported.size);
  });

  it("the river, the story page and rasd story show the articles' dates and the span they make", async () => {
    const cards = await riverCards();
    for (const c of cards) {
      assert.deepEqual(c.span, spanOf(c.id), `story ${c.id} on the river`);
      const story = await api<Story>(`/api/stories/${c.id}`);
      assert.deepEqual(story.span, c.span, `story ${c.id} on its page`);
      for (const a of story.articles) assert.equal(a.published, dateOf(a.id), `article ${a.id} on story ${c.id}`);
    }
    assert.ok(cliStory.size >= 3);
    for (const [id, story] of cliStory) {
      assert.deepEqual(story.span, spanOf(id));
      for (const a of story.articles) assert.equal(a.published, dateOf(a.id));
    }
  });

  it("the entity pages show the articles' dates and their stories' spans", async () => {
    const { entities } = await api<{ entities: { id: string }[] }>(`/api/entities?limit=40`);
    assert.ok(entities.length >= 20);
    for (const { id } of entities) {
      const e = await api<{
        articles: { id: string; published: string | null }[];
        stories: { id: string; from: string | null; to: string | null }[];
        quotes: { article: { id: string; published: string | null } }[];
      }>(`/api/entities/${encodeURIComponent(id)}`);
      for (const a of e.articles) assert.equal(a.published, dateOf(a.id), `entity ${id}, article ${a.id}`);
      for (const q of e.quotes) assert.equal(q.article.published, dateOf(q.article.id));
      for (const s of e.stories)
        assert.deepEqual({ from: s.from, to: s.to }, spanOf(s.id), `entity ${id}, story ${s.id}`);
    }
  });

  it("--since/--until keep exactly the articles whose stored date is in range", async () => {
    const days = [...new Set([...exported.values()].map((a) => a.published.date).filter((d) => d !== null))].sort();
    assert.ok(days.length >= 10, `only ${days.length} days`);
    for (const q of ["السعودية", "كارتر", "الرئيس"]) {
      const all = await search(store.db, q, { limit: 1000 });
      assert.ok(all.total > 0 && all.total <= 1000, `${q}: ${all.total} hits`);
      for (const h of all.hits) assert.equal(h.published, dateOf(h.id));
      for (const [since, until] of [...days.map((d) => [d, d]), [days[3]!, days[days.length - 4]!]] as const) {
        const got = await search(store.db, q, { limit: 1000, since, until });
        // Copies fold into one hit, the best ranked of those kept: compare the articles behind the hits.
        const want = articlesOf(all.hits).filter((id) => {
          const day = dateOf(id);
          return day !== null && day >= since && day <= until;
        });
        assert.deepEqual(articlesOf(got.hits).sort(), want.sort(), `${q} from ${since} to ${until}`);
      }
    }
    // The command line's filter is the same: the article its story dated (its page says only "Thursday") is found on that day.
    assert.ok(brussels.hits.length > 0);
    for (const h of brussels.hits) assert.equal(h.published, "2016-02-11");
    assert.ok(brussels.hits.some((h) => exported.get(h.id)?.published.source === "story"));
  });
});
