/**
 * The live desk under load: this process holds an embedded store and serves it (as `rasd serve` does), with the
 * river's event stream connected and 100 watchlists (entities, queries, outlets); `rasd replay --speed max` in another
 * process feeds it the first N SaudiNewsNet records through it, as fast as it takes them. Reports articles/s, the
 * alerts' matching cost per article (the watchlists compiled once, every stored article tested), and the p50/p95 of
 * the river and of the largest story's page, fetched back to back while the replay runs.
 *
 *   npx tsx bench/desk.ts [--records 5000] [--watchlists 100]
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createWatchlist, listWatchlists, type WatchKind } from "../src/alerts/watchlists.js";
import { loadHasher } from "../src/core/hash.js";
import { corpusPath, projectRoot } from "../src/core/paths.js";
import { alertsHook } from "../src/alerts/hook.js";
import { compile } from "../src/alerts/match.js";
import type { Article } from "../src/core/types.js";
import { startServer } from "../src/server/serve.js";
import { Store } from "../src/store/store.js";

const { values } = parseArgs({
  options: { records: { type: "string", default: "5000" }, watchlists: { type: "string", default: "100" } },
});
const RECORDS = Number(values.records);
const LISTS = Number(values.watchlists);
const BIN = join(projectRoot(), "bin", "rasd.js");
const STREAM = corpusPath("streams", "saudinewsnet.jsonl.gz");

// Names and words an Arabic desk might follow (not tuned to the stream: a fixed, general list).
const ENTITIES = [
  "السعودية",
  "اليمن",
  "داعش",
  "إيران",
  "العراق",
  "سوريا",
  "مصر",
  "الرياض",
  "جدة",
  "الحوثي",
  "الأمم المتحدة",
  "مجلس الأمن",
  "الولايات المتحدة",
  "روسيا",
  "تركيا",
  "قطر",
  "الإمارات",
  "الكويت",
  "البحرين",
  "عمان",
  "الأردن",
  "لبنان",
  "فلسطين",
  "إسرائيل",
  "ليبيا",
  "تونس",
  "الجزائر",
  "المغرب",
  "السودان",
  "الموصل",
  "حلب",
  "دمشق",
  "بغداد",
  "صنعاء",
  "عدن",
  "طهران",
  "القاهرة",
  "واشنطن",
  "موسكو",
  "باريس",
  "لندن",
  "أوباما",
  "بوتين",
  "الأسد",
  "حزب الله",
  "حماس",
  "الاتحاد الأوروبي",
  "الجامعة العربية",
  "أرامكو",
  "مكة",
  "المدينة المنورة",
  "الحرس الثوري",
  "القاعدة",
  "طالبان",
  "أفغانستان",
  "باكستان",
  "الهند",
  "الصين",
  "ألمانيا",
  "فرنسا",
];
const QUERIES = [
  "أسعار النفط",
  "سوق الأسهم",
  "وزارة الصحة",
  "فيروس كورونا",
  "الحج",
  "رمضان",
  "كأس العالم",
  "الدوري السعودي",
  "الاتفاق النووي",
  "اللاجئين",
  "الانتخابات",
  "البنك المركزي",
  "الميزانية",
  "البطالة",
  "التعليم",
  "الإرهاب",
  "هجوم انتحاري",
  "غارات جوية",
  "وقف إطلاق النار",
  "المفاوضات",
  "العقوبات",
  "الطاقة الشمسية",
  "الإسكان",
  "السياحة",
  "الأمطار",
  "حادث مروري",
  "المحكمة",
  "الفساد",
  "الاستثمار",
  "التحالف العربي",
];
const OUTLETS = [
  "aawsat",
  "okaz",
  "alriyadh",
  "alwatan",
  "sabq",
  "aleqtisadiah",
  "almadina",
  "alyaum",
  "al-jazirah",
  "albilad",
];

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main(): Promise<void> {
  await loadHasher();
  const dir = await mkdtemp(join(tmpdir(), "rasd-bench-desk-"));
  const storeDir = join(dir, "store");
  const store = await Store.open({ dir: storeDir });
  const server = await startServer({ store, port: 0, log: () => {} });
  try {
    const picks: { kind: WatchKind; value: string }[] = [
      ...ENTITIES.map((value) => ({ kind: "entity" as const, value })),
      ...QUERIES.map((value) => ({ kind: "query" as const, value })),
      ...OUTLETS.map((value) => ({ kind: "outlet" as const, value })),
    ].slice(0, LISTS);
    for (const p of picks) await createWatchlist(store.db, p);

    // The river's event stream, connected for the whole run.
    const ac = new AbortController();
    let events = 0;
    let sseEnded: string | null = null;
    const tStart = performance.now();
    const sse = fetch(new URL("/api/events", server.url), { signal: ac.signal }).then(async (res) => {
      const reader = res.body!.getReader();
      const dec = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        events += (dec.decode(value).match(/^event: river$/gmu) ?? []).length;
      }
    });
    // Heard at once (an unheard rejection would end the run): when and why the stream ended, if it did.
    sse.catch((e: unknown) => {
      if (!ac.signal.aborted)
        sseEnded = `${((performance.now() - tStart) / 1000).toFixed(1)} s: ${(e as Error).message} ${String((e as { cause?: unknown }).cause ?? "")}`;
    });

    // Pages fetched back to back while the replay runs.
    let replaying = true;
    const river: number[] = [];
    const story: number[] = [];
    const pages = (async () => {
      while (replaying) {
        let t = performance.now();
        const r = await fetch(new URL("/", server.url));
        await r.text();
        river.push(performance.now() - t);
        const [s] = await store.db.query<{ id: string }>(
          "SELECT id FROM stories ORDER BY article_count DESC, id LIMIT 1",
        );
        if (s !== undefined) {
          t = performance.now();
          const p = await fetch(new URL(`/stories/${encodeURIComponent(s.id)}`, server.url));
          await p.text();
          story.push(performance.now() - t);
        }
      }
    })();

    // The replay runs in another process, as \`rasd replay\` beside \`rasd serve\` does: through this one.
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [BIN, "replay", "--store", storeDir, "--speed", "max", "--limit", String(RECORDS), "--json", STREAM],
      { env: { ...process.env, RASD_STORE: "", RASD_PG_URL: "" } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => (stdout += b.toString("utf8")));
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    const status = await new Promise<number | null>((r) => child.once("close", r));
    const seconds = (performance.now() - t0) / 1000;
    replaying = false;
    await pages;
    if (status !== 0) throw new Error(`rasd replay failed (${status}): ${stderr.slice(-2000)}`);
    const report = JSON.parse(stdout) as { records: number; stored: number };
    await new Promise((r) => setTimeout(r, 1500)); // the last change reaches the stream
    ac.abort();
    await sse.catch(() => {});
    const [alerts] = await store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM desk_alerts");
    const [gained] = await store.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM desk_alerts WHERE new_outlet <> ''",
    );

    // The alerts' matching cost per article, on what was stored: the watchlists compiled once, each article tested.
    const docs = await store.db.query<{ doc: Article }>("SELECT doc FROM articles");
    const match = compile(await listWatchlists(store.db));
    const tm = performance.now();
    let hits = 0;
    for (const { doc } of docs) hits += match(doc).length;
    const matchMs = (performance.now() - tm) / Math.max(1, docs.length);

    // The whole decision, SQL included, as ingest pays it: the alerts hook run again over the stored articles in
    // publication order, in the replay's batches of 32, on an empty alerts table, in one transaction rolled back.
    const ordered = await store.db.query<{ doc: Article }>("SELECT doc FROM articles ORDER BY ingested_seq");
    let hookMs = 0;
    let decided = 0;
    const rollback = new Error("rolled back");
    await store.db
      .transaction(async (tx) => {
        await tx.query("DELETE FROM desk_alerts");
        const th = performance.now();
        for (let i = 0; i < ordered.length; i += 32)
          await alertsHook.run(
            tx,
            ordered.slice(i, i + 32).map((r) => r.doc),
            [],
          );
        hookMs = (performance.now() - th) / Math.max(1, ordered.length);
        const [n] = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM desk_alerts");
        decided = n!.n;
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
    const out = {
      records: report.records,
      stored: report.stored,
      seconds: Number(seconds.toFixed(1)),
      articlesPerSecond: Number((report.stored / seconds).toFixed(2)),
      watchlists: picks.length,
      alerts: alerts!.n,
      newOutletAlerts: gained!.n,
      matches: hits,
      alertMatchMsPerArticle: Number(matchMs.toFixed(3)),
      alertHookMsPerArticle: Number(hookMs.toFixed(3)),
      alertsDecidedAgain: decided,
      riverMs: { n: river.length, p50: Math.round(pct(river, 50)), p95: Math.round(pct(river, 95)) },
      storyMs: { n: story.length, p50: Math.round(pct(story, 50)), p95: Math.round(pct(story, 95)) },
      sseEvents: events,
      sseEnded,
    };
    console.log(JSON.stringify(out));
  } finally {
    await server.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
