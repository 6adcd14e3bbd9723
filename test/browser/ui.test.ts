import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { projectRoot } from "../../src/core/paths.js";
import { startServer, type Listening } from "../../src/server/serve.js";
import type { Store } from "../../src/store/store.js";
import { ingestPaths, sampleStore } from "../server/fixture.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const SHOTS = join(projectRoot(), "artifacts", "screenshots");
const TOKEN = "browser-test-token";
const EVIL = "<img src=x onerror=alert(1)>";

/** Skip (with the reason) where there is no Chromium, except in CI, where a missing browser is a failure. */
function skipReason(): string | false {
  if (existsSync(CHROMIUM)) return false;
  if (process.env["CI"])
    throw new Error(
      `CI must have Debian's Chromium at ${CHROMIUM} for the browser tests (apt-get install chromium; see .ci/run)`,
    );
  return `no browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) to run the browser tests`;
}

const skip = skipReason();
let store: Store;
let server: Listening;
let context: BrowserContext;
let page: Page;
let tmp: string;
let evilId: string;
const problems: string[] = [];
const dialogs: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function open(path: string): Promise<void> {
  const res = await page.goto(new URL(path, server.url).toString());
  assert.ok(res !== null && res.status() < 400, `${path}: ${res?.status()}`);
}

describe("the web UI in Chromium", { skip, timeout: 300_000 }, () => {
  before(async () => {
    ({ store } = await sampleStore());
    tmp = await mkdtemp(join(tmpdir(), "rasd-browser-"));
    await writeFile(
      join(tmp, "evil.html"),
      `<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>${EVIL.replace(/</gu, "&lt;")}</title></head>
<body><article><h1>${EVIL.replace(/</gu, "&lt;")}</h1><p>فقرة مكتوبة للاختبار فقط، فيها نص عربي يكفي ليكون جسما لمقال قصير عن مدينة متخيلة.</p>
<p>فقرة ثانية للاختبار فقط عن سوق متخيلة وتجار متخيلين في يوم متخيل من أيام الربيع.</p></article></body></html>`,
    );
    await ingestPaths(store, [join(tmp, "evil.html")]);
    const [row] = await store.db.query<{ id: string }>("SELECT id FROM articles WHERE path LIKE '%evil.html'");
    evilId = row!.id;
    server = await startServer({ store, host: "127.0.0.1", port: 0, token: TOKEN, log: (m) => problems.push(m) });
    await mkdir(SHOTS, { recursive: true });
    context = await chromium.launchPersistentContext(join(tmp, "profile"), {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
      viewport: { width: 1100, height: 900 },
    });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });

  after(async () => {
    await context?.close();
    await server?.close();
    await store?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it("the river shows the stories right to left in the bundled Arabic font", async () => {
    await open("/");
    assert.equal(await page.getAttribute("html", "dir"), "rtl");
    const cards = page.locator("li.story-card");
    assert.ok((await cards.count()) >= 4, "the sample's stories");
    assert.ok((await cards.first().locator(".count").innerText()).length > 0);
    // Runs in the page; typed by hand because the project's TypeScript has no DOM library.
    type FontDoc = { fonts: { ready: Promise<unknown>; check(font: string, text: string): boolean } };
    const font = await page.evaluate(async () => {
      const doc = (globalThis as unknown as { document: FontDoc }).document;
      await doc.fonts.ready;
      return doc.fonts.check("16px 'Noto Naskh Arabic'", "رصد");
    });
    assert.equal(font, true, "Noto Naskh Arabic is loaded from /static");
    await shot("river");
  });

  it("a story page: numbered citations lead to the sources; chart, sources, entities", async () => {
    await open("/");
    await page.locator("li.story-card h2 a").first().click();
    await page.waitForSelector("article.story h1");
    const cite = page.locator(".summary a.cite").first();
    const n = await cite.getAttribute("data-src");
    await cite.click();
    assert.ok(page.url().endsWith(`#src-${n}`));
    assert.ok(await page.locator(`#src-${n}`).isVisible());
    assert.equal(await page.locator("svg.timeline-chart.chart-wide").count(), 1);
    assert.ok((await page.locator("rect.bar").count()) >= 1, "articles per day");
    assert.ok((await page.locator(".sources li.source").count()) >= 2);
    await shot("story");
  });

  it("an entity page: names, stories over time, articles", async () => {
    await open("/");
    await page.locator("li.story-card h2 a").first().click();
    await page.waitForSelector("article.story");
    const chip = page.locator("section.entities a.chip").first();
    const name = (await chip.innerText()).trim();
    await chip.click();
    await page.waitForSelector("article.entity h1");
    assert.equal((await page.locator("article.entity h1").innerText()).trim(), name);
    assert.ok((await page.locator("ul.names li").count()) >= 1);
    assert.ok((await page.locator("ol.entity-stories li").count()) >= 1);
    await shot("entity");
  });

  it("search with an outlet filter highlights the matches", async () => {
    await open("/search");
    await page.fill("#q", "ميناء طنجة");
    await page.selectOption("#outlet", "الرائد");
    await Promise.all([page.waitForURL(/\/search\?/u), page.click("form.search-form button")]);
    const hits = page.locator("li.hit");
    assert.ok((await hits.count()) >= 1);
    for (const meta of await hits.locator("p.meta").allInnerTexts()) assert.match(meta, /الرائد/u);
    assert.ok((await page.locator("li.hit mark.hl").count()) >= 1);
    assert.doesNotMatch(page.url(), /since=/u, "empty filters are not sent");
    await shot("search");
  });

  it("the ingest form takes a page with the token and refuses a wrong token", async () => {
    const file = {
      name: "from-browser.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(
        "خبر مرفوع من المتصفح\n\nنص قصير كتب لاختبار نموذج الإضافة فقط، عن حديقة متخيلة في مدينة متخيلة.\n",
      ),
    };
    await open("/ingest");
    await page.setInputFiles("#file", file);
    await page.fill("#token", "wrong");
    await Promise.all([page.waitForLoadState("load"), page.click("form.ingest-form button")]);
    await page.waitForSelector("#ingest-error");
    // The refused POST is logged by the browser as a failed load: that one is expected.
    problems.splice(0, problems.length, ...problems.filter((p) => !/status of 401/u.test(p)));
    await page.setInputFiles("#file", file);
    await page.fill("#token", TOKEN);
    await Promise.all([page.waitForLoadState("load"), page.click("form.ingest-form button")]);
    const report = await page.waitForSelector("#ingest-report");
    assert.match(await report.innerText(), /خُزّن مقال جديد واحد/u);
    await shot("ingest");
  });

  it("a title made of markup shows as text and runs nothing", async () => {
    await open(`/articles/${evilId}`);
    assert.equal((await page.locator("article.article h1").innerText()).trim(), EVIL);
    assert.equal(await page.locator("img").count(), 0);
    await open("/search?q=" + encodeURIComponent("سوق متخيلة"));
    assert.ok((await page.locator("li.hit").count()) >= 1);
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, [], "no script ran");
    await shot("xss");
  });

  it("the labels switch to English and back", async () => {
    await open("/");
    await page.click("#lang-switch");
    await page.waitForURL(/lang=en/u);
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.match(await page.locator("header nav").innerText(), /Stories/u);
    await page.click("#lang-switch");
    await page.waitForURL(/lang=ar/u);
    assert.equal(await page.getAttribute("html", "dir"), "rtl");
  });

  it("nothing was blocked or broken on the way (CSP violations show as console errors)", () => {
    assert.deepEqual(problems, []);
  });
});
