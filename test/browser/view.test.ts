import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { projectRoot } from "../../src/core/paths.js";
import { startServer, type Listening } from "../../src/server/serve.js";
import type { Store } from "../../src/store/store.js";
import { ingestPaths, sampleStore } from "../server/fixture.js";
import { PAGE_CHECK, type PageProblem } from "./page-checks.js";

/**
 * The analyst's view (#21) in a real Chromium, at desktop and phone width: every page in Arabic (English only where
 * marked), numbers and Latin names isolated, no serious accessibility violation (axe-core), and the pages the issue
 * names, with screenshots in artifacts/screenshots/view/.
 */
const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];
const SHOTS = join(projectRoot(), "artifacts", "screenshots", "view");
const SEEDS = join(projectRoot(), "..", "shared", "corpus", "seeds");
const STREAM = join(projectRoot(), "..", "shared", "corpus", "streams", "saudinewsnet.jsonl.gz");
const TOKEN = "view-test-token";
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

function skipReason(): string | false {
  if (!existsSync(SEEDS)) return `no seeds at ${SEEDS}`;
  if (existsSync(CHROMIUM)) return false;
  if (process.env["CI"]) throw new Error(`CI must have Chromium at ${CHROMIUM} for the browser tests`);
  return `no browser at ${CHROMIUM}: install Debian's chromium to run the browser tests`;
}

const WIDTHS = [
  { name: "desktop", width: 1100, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

const skip = skipReason();
let store: Store;
let server: Listening;
let context: BrowserContext;
let tmp: string;
const ids = { disputed: "", undated: "", topic: "", entity: "" };
const problems: string[] = [];

/** The first records of the SaudiNewsNet stream (outlets named by Latin slugs), into a temporary file. */
async function streamSample(n: number): Promise<string> {
  const lines = gunzipSync(readFileSync(STREAM)).toString("utf8").split("\n").slice(0, n);
  const path = join(tmp, "saudinewsnet-head.jsonl");
  await writeFile(path, lines.join("\n") + "\n");
  return path;
}

async function open(page: Page, path: string, status = 200): Promise<void> {
  const res = await page.goto(new URL(path, server.url).toString());
  assert.equal(res?.status(), status, path);
}

/** The page's language problems (page-checks.ts) and its serious or critical axe violations. */
async function audit(page: Page, what: string): Promise<void> {
  const found = (await page.evaluate(`(${PAGE_CHECK})()`)) as PageProblem[];
  assert.deepEqual(found, [], `${what}: text in English or not isolated`);
  // Evaluated through the DevTools protocol, so the page's CSP (no inline script) is left as it is.
  await page.evaluate(AXE);
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) =>
    r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => v.id + ": " + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")))`)) as string[];
  assert.deepEqual(violations, [], `${what}: axe-core`);
}

async function shot(page: Page, name: string, width: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

describe("the analyst's view in Chromium", { skip, timeout: 600_000 }, () => {
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), "rasd-view-"));
    ({ store } = await sampleStore());
    // A page without any date in it: its story has no timeline.
    await writeFile(
      join(tmp, "undated.txt"),
      "حديقة متخيلة تفتح أبوابها\n\nفتحت حديقة متخيلة أبوابها للزوار في مدينة متخيلة، وقال القائمون عليها إن الدخول مجاني للأطفال وإن الحديقة تضم أشجارا نادرة جلبت من بلاد بعيدة.\n",
    );
    await ingestPaths(store, [SEEDS, await streamSample(60), join(tmp, "undated.txt")]);
    const stories = await store.db.query<{ id: string; first_date: string | null }>(
      "SELECT id, first_date FROM stories ORDER BY article_count DESC, id",
    );
    const [undated] = await store.db.query<{ id: string }>(
      "SELECT story_id AS id FROM articles WHERE path LIKE '%undated.txt'",
    );
    ids.undated = undated?.id ?? "";
    const [topic] = await store.db.query<{ id: string }>(
      "SELECT topic_id AS id FROM stories WHERE topic_id IS NOT NULL GROUP BY topic_id ORDER BY count(*) DESC, topic_id LIMIT 1",
    );
    ids.topic = topic?.id ?? "";
    const [ent] = await store.db.query<{ id: string }>(
      "SELECT entity_id AS id FROM article_entities GROUP BY entity_id ORDER BY count(*) DESC, entity_id LIMIT 1",
    );
    ids.entity = ent?.id ?? "";
    server = await startServer({ store, host: "127.0.0.1", port: 0, token: TOKEN, log: (m) => problems.push(m) });
    await mkdir(SHOTS, { recursive: true });
    context = await chromium.launchPersistentContext(join(tmp, "profile"), {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
    });
    context.setDefaultTimeout(60_000);
    // The story with the figures the sources disagree on and the most quoted speaker (the seeds' coalition story).
    const page = await context.newPage();
    for (const s of stories) {
      const r = await page.request.get(new URL(`/api/stories/${s.id}`, server.url).toString());
      const story = (await r.json()) as { claims: Array<{ agree: boolean }>; quotes: unknown[] };
      if (story.claims.some((c) => !c.agree) && story.quotes.length > 12) {
        ids.disputed = s.id;
        break;
      }
    }
    await page.close();
    assert.ok(ids.disputed && ids.undated && ids.topic && ids.entity, JSON.stringify(ids));
  });

  after(async () => {
    await context?.close();
    await server?.close();
    await store?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  for (const w of WIDTHS) {
    describe(`at ${w.name} width (${w.width} px)`, () => {
      let page: Page;
      before(async () => {
        page = await context.newPage();
        await page.setViewportSize({ width: w.width, height: w.height });
        page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      });
      after(async () => page?.close());

      it("the river: Arabic counts with their plural forms, outlet names not slugs, a named pager", async () => {
        await open(page, "/");
        const counts = await page.locator("li.story-card .count").allInnerTexts();
        assert.ok(counts.length > 0);
        for (const c of counts) assert.doesNotMatch(c, /^\s*(1|2) /u, `"${c}": 1 and 2 are said in words`);
        const outlets = (await page.locator("li.story-card .outlets").allInnerTexts()).join(" ");
        assert.doesNotMatch(outlets, /\b(aawsat|okaz|alriyadh|sabq)\b/u);
        await audit(page, "river");
        await shot(page, "river", w.name);
      });

      it("a story page: the disagreement box names the outlets, the chart fits, every quote is reachable", async () => {
        await open(page, `/stories/${ids.disputed}`);
        const claims = page.locator("section.claims li");
        assert.ok((await claims.count()) >= 2);
        for (const li of await claims.all()) {
          assert.ok((await li.locator(".publisher").innerText()).trim().length > 1, "the outlet behind the figure");
          assert.doesNotMatch(
            await li.locator("strong.figure").innerText(),
            /[a-z]{3,}/u,
            "unit and qualifier in Arabic",
          );
        }
        const chart = page.locator(`svg.${w.name === "phone" ? "chart-narrow" : "chart-wide"}`);
        assert.ok(await chart.isVisible());
        const box = await chart.boundingBox();
        assert.ok(box !== null && box.width <= w.width, "the chart fits the screen");
        const before = await page.locator("section.quotes q").evaluateAll((qs) => qs.length);
        const hiddenBefore = await page.locator("section.quotes details.more-quotes q").count();
        assert.ok(hiddenBefore > 0, "some quotes are folded");
        for (const s of await page.locator("details.more-quotes summary").all()) await s.click();
        for (const q of await page.locator("section.quotes q").all()) assert.ok(await q.isVisible());
        assert.equal(await page.locator("section.quotes q").count(), before, "show all shows every quote");
        // Citation targets are at least 24×24 px.
        for (const c of (await page.locator("a.cite").all()).slice(0, 10)) {
          const b = await c.boundingBox();
          assert.ok(b !== null && b.width >= 24 && b.height >= 24, `citation ${JSON.stringify(b)}`);
        }
        await audit(page, "story");
        await shot(page, "story", w.name);
      });

      it("a story without dates has no empty timeline", async () => {
        await open(page, `/stories/${ids.undated}`);
        assert.equal(await page.locator("section.timeline").count(), 0);
        await audit(page, "undated story");
      });

      it("a topic page, reached from the topic heading", async () => {
        await open(page, "/topics");
        await audit(page, "topics");
        await Promise.all([page.waitForURL(/\/topics\/./u), page.locator("ul.topics h2 a").first().click()]);
        assert.ok((await page.locator("article.topic ol.topic-stories li").count()) >= 1);
        await open(page, `/topics/${ids.topic}`);
        await audit(page, "topic");
        await shot(page, "topic", w.name);
      });

      it("an entity page: counts agree with the list, mentions in words", async () => {
        await open(page, `/entities/${ids.entity}`);
        const listed = await page.locator("section[aria-labelledby=h-articles] ul.articles li").count();
        const meta = await page.locator("article.entity > p.meta").innerText();
        assert.ok(meta.includes(String(listed)) || listed <= 2, `"${meta}" vs ${listed} listed`);
        await audit(page, "entity");
        await shot(page, "entity", w.name);
      });

      it("an article page says where its date comes from", async () => {
        await open(page, "/");
        await page.locator("li.story-card h2 a").first().click();
        await page.locator(".sources li.source a").first().click();
        await page.waitForSelector("details.date-why");
        await page.locator("details.date-why summary").click();
        assert.match(await page.locator("details.date-why").innerText(), /الصفحة|القصة|التغذية|السجل|لا تحدد/u);
        await audit(page, "article");
      });

      it("search with a phrase finds the phrase, not its words apart", async () => {
        await open(page, `/search?q=${encodeURIComponent('"التحالف الدولي"')}`);
        const snippets = await page.locator("li.hit .snippet").allInnerTexts();
        assert.ok(snippets.length >= 1);
        const titles = await page.locator("li.hit").allInnerTexts();
        for (const t of titles) assert.doesNotMatch(t, /مطار الملك خالد الدولي/u);
        await audit(page, "search");
        await shot(page, "search-phrase", w.name);
        await open(page, `/search?q=${encodeURIComponent("التحالف")}&since=2016-13`, 400);
        assert.match(await page.locator("p.notice.error").innerText(), /تاريخ/u);
        await audit(page, "search error");
      });

      it("error pages: Arabic, with lang and dir, and a way back", async () => {
        for (const path of ["/nope", "/stories/nope", "/entities/لا-يوجد-كيان-بهذا-الاسم"]) {
          await open(page, path, 404);
          assert.equal(await page.getAttribute("html", "lang"), "ar");
          assert.equal(await page.getAttribute("html", "dir"), "rtl");
          assert.ok((await page.locator("main a[href='/']").count()) >= 1, `${path}: a link home`);
          await audit(page, path);
        }
        await shot(page, "error-404", w.name);
      });

      it("the ingest result: what was stored, what failed (not green), links to the stories", async () => {
        await open(page, "/ingest");
        await audit(page, "ingest form");
        await page.setInputFiles("#file", [
          {
            name: "خبر-من-المتصفح.txt",
            mimeType: "text/plain",
            buffer: Buffer.from(
              `خبر مرفوع من المتصفح ${w.name}\n\nنص قصير كتب لاختبار نموذج الإضافة فقط، عن حديقة متخيلة في مدينة متخيلة اسمها ${w.name}.\n`,
            ),
          },
          { name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{ not json") },
        ]);
        await page.fill("#token", TOKEN);
        await Promise.all([page.waitForLoadState("load"), page.click("form.ingest-form button")]);
        const report = page.locator("#ingest-report");
        await report.waitFor();
        assert.match((await report.getAttribute("class")) ?? "", /\berror\b/u, "a failed file is not green");
        const text = await report.innerText();
        assert.match(text, /خُزّن مقال جديد واحد/u);
        assert.match(text, /broken\.json/u);
        // Its reason in Arabic (JSON, a code, isolated), not the English message.
        assert.match(text, /ليس\s*JSON\s*سليمًا/u);
        assert.doesNotMatch(text, /is not valid JSON/u);
        assert.ok((await report.locator("ul.ingest-stories a").count()) >= 1, "a link to the story it made");
        await audit(page, "ingest result");
        await shot(page, "ingest-result", w.name);
      });
    });
  }

  it("nothing was logged as broken on the way", () => {
    assert.deepEqual(problems, []);
  });
});
