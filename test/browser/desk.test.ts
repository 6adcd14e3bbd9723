import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { after, before, describe, it } from "node:test";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { projectRoot } from "../../src/core/paths.js";
import { BIN, jsonLines, type RunResult, rasdAsync as runAsync } from "../helpers/cli.js";
import { FeedServer, inventedItem, rss } from "../watch/feed-server.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];
const TOKEN = "desk-browser-token";
const SAMPLE = join(projectRoot(), "sample");

function skipReason(): string | false {
  if (existsSync(CHROMIUM)) return false;
  if (process.env["CI"]) throw new Error(`CI must have Debian's Chromium at ${CHROMIUM} for the browser tests`);
  return `no browser at ${CHROMIUM}: install Debian's chromium to run the browser tests`;
}

/** The command line in another process, with no write token of its own. */
function rasdAsync(args: string[]): Promise<RunResult> {
  return runAsync(args, { RASD_TOKEN: "" });
}

/** An item about another (invented) event, dated after the sample, so its story opens the river. */
function bridgeItem(link: string): string {
  const p =
    "<p>افتتح محافظ المدينة صباح اليوم جسر المدينة الجديد فوق النهر بعد عامين من العمل، ويربط الجسر الضفة الشرقية بالمنطقة الصناعية ويختصر الطريق إلى الميناء.</p>";
  return (
    `<item><title>افتتاح جسر المدينة الجديد فوق النهر</title><link>${link}</link><guid>bridge</guid>` +
    `<pubDate>Sat, 30 Mar 2024 09:00:00 GMT</pubDate><description><![CDATA[${p.repeat(5)}]]></description></item>`
  );
}

const skip = skipReason();

describe("the live desk in Chromium, on the embedded store", { skip, timeout: 600_000 }, () => {
  let tmp: string;
  let store: string;
  let feeds: FeedServer;
  let serve: ChildProcess;
  let url: string;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), "rasd-desk-"));
    store = join(tmp, "store");
    feeds = await new FeedServer().start();
    feeds.routes.set("/feed.xml", {
      body: rss([1, 2].map((n) => inventedItem(n, { full: true, link: feeds.url(`/a/${n}`) }))),
    });
    serve = spawn(process.execPath, [BIN, "serve", "--store", store, "--port", "0", "--json"], {
      cwd: projectRoot(),
      env: { ...process.env, RASD_STORE: "", RASD_PG_URL: "", RASD_TOKEN: TOKEN },
    });
    serve.stderr!.on("data", (b: Buffer) => problems.push(b.toString("utf8")));
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: serve.stdout! }).once("line", resolve);
      serve.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${problems.join("")}`)));
    });
    url = (JSON.parse(first) as { url: string }).url;
    context = await chromium.launchPersistentContext(join(tmp, "profile"), {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
    });
    context.setDefaultTimeout(60_000);
    page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  });

  after(async () => {
    await context?.close();
    if (serve !== undefined && serve.exitCode === null) {
      const exited = new Promise((r) => serve.once("exit", r));
      serve.kill("SIGTERM");
      await exited;
    }
    await feeds?.stop();
    await rm(tmp, { recursive: true, force: true });
  });

  it("adds a feed on the sources page, and its items reach the open river without a reload", async () => {
    await page.goto(new URL("/sources", url).toString());
    await page.fill("#source-url", feeds.url("/feed.xml"));
    await page.fill("#source-interval", "0.5");
    await page.fill("#source-token", TOKEN);
    await page.click("#source-add");
    await page.waitForSelector("#sources-notice.ok");
    assert.equal(await page.locator(`#sources tr[data-url="${feeds.url("/feed.xml")}"]`).count(), 1);

    await page.goto(new URL("/", url).toString());
    // A mark on this page's window: a reload would lose it.
    await page.evaluate("window.deskMark = 42");
    await page.waitForSelector("li.story-card a:has-text('خبر تجريبي رقم')", { timeout: 120_000 });

    // Meanwhile, the command line works on the same store from other processes.
    const ingest = await rasdAsync(["ingest", "--store", store, "--json", SAMPLE]);
    assert.equal(ingest.status, 0, ingest.stderr);
    const stored = (JSON.parse(ingest.stdout) as { stored: number }).stored;
    assert.ok(stored > 0);
    const [stories, search, exported] = await Promise.all([
      rasdAsync(["stories", "--store", store, "--json", "--limit", "1000"]),
      rasdAsync(["search", "--store", store, "--json", "حديقة"]),
      rasdAsync(["export", "--store", store]),
    ]);
    for (const r of [stories, search, exported]) assert.equal(r.status, 0, r.stderr);
    assert.ok(jsonLines(stories.stdout).length > 0);
    assert.match(search.stdout, /خبر تجريبي رقم/u, "the feed's items are searchable from another process");
    assert.equal(jsonLines(exported.stdout).length, stored + 2, "the sample and the two feed items, once each");

    // The feed grows: the river shows the new item and counts what arrived, still without a reload.
    feeds.routes.set("/feed.xml", {
      body: rss([
        bridgeItem(feeds.url("/a/bridge")),
        ...[1, 2].map((n) => inventedItem(n, { full: true, link: feeds.url(`/a/${n}`) })),
      ]),
    });
    await page.waitForFunction("Number(document.getElementById('live-banner')?.dataset.count ?? 0) >= 1");
    await page.waitForSelector("li.story-card a:has-text('جسر المدينة الجديد')", { timeout: 120_000 });
    assert.equal(await page.evaluate("window.deskMark"), 42);
    const count = Number(await page.locator("#live-banner").getAttribute("data-count"));
    assert.ok(count >= stored + 1, `the banner counts every article since the page opened (got ${count})`);

    // The sources page shows the feed's health.
    await page.goto(new URL("/sources", url).toString());
    const row = page.locator(`#sources tr[data-url="${feeds.url("/feed.xml")}"]`);
    assert.match((await row.locator(".status").textContent()) ?? "", /^(200|304)$/u, "last HTTP status");
    assert.match((await row.locator(".state").textContent()) ?? "", /^(يعمل|ok)$/u);
    assert.equal(Number(await row.locator(".items-today").textContent()), 3);
    assert.deepEqual(
      problems.filter((p) => /error/iu.test(p)),
      [],
    );
  });
});
