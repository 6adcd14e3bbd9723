/**
 * The live desk under load: the first N SaudiNewsNet records replayed as fast as the desk takes them (`rasd replay
 * --speed max`'s path) into an embedded store served over HTTP, with the river's event stream connected and 100
 * watchlists (entities, queries, outlets). Reports articles/s, the alert hook's cost per article (measured inside
 * the ingest transaction: loading the watchlists, matching, inserting), and the p50/p95 of the river and of a story
 * page, fetched back to back while the replay runs.
 *
 *   npx tsx bench/desk.ts [--records 5000] [--watchlists 100]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createWatchlist, type WatchKind } from "../src/alerts/watchlists.js";
import { loadHasher } from "../src/core/hash.js";
import { corpusPath } from "../src/core/paths.js";
import { replay } from "../src/desk/replay.js";
import { pipelineFor } from "../src/pipeline/for-store.js";
import { startServer } from "../src/server/serve.js";
import { Store } from "../src/store/store.js";

const { values } = parseArgs({
  options: { records: { type: "string", default: "5000" }, watchlists: { type: "string", default: "100" } },
});
const RECORDS = Number(values.records);
const LISTS = Number(values.watchlists);

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
  const store = await Store.open({ dir: join(dir, "store") });
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
    const sse = fetch(new URL("/api/events", server.url), { signal: ac.signal }).then(async (res) => {
      const reader = res.body!.getReader();
      const dec = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        events += (dec.decode(value).match(/^event: river$/gmu) ?? []).length;
      }
    });

    // The alert hook, timed inside the transaction.
    const pipeline = await pipelineFor(store);
    let alertMs = 0;
    let alertArticles = 0;
    pipeline.hooks = pipeline.hooks.map((h) =>
      h.name !== "alerts"
        ? h
        : {
            name: h.name,
            async run(tx, articles, rows) {
              const t = performance.now();
              await h.run(tx, articles, rows);
              alertMs += performance.now() - t;
              alertArticles += articles.length;
            },
          },
    );

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

    const t0 = performance.now();
    const report = await replay(store, [corpusPath("streams", "saudinewsnet.jsonl.gz")], pipeline, {
      speed: Infinity,
      limit: RECORDS,
    });
    const seconds = (performance.now() - t0) / 1000;
    replaying = false;
    await pages;
    await new Promise((r) => setTimeout(r, 1500)); // the last change reaches the stream
    ac.abort();
    await sse.catch(() => {});
    const [alerts] = await store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM desk_alerts");
    const out = {
      records: report.records,
      stored: report.stored,
      seconds: Number(seconds.toFixed(1)),
      articlesPerSecond: Number((report.stored / seconds).toFixed(2)),
      watchlists: picks.length,
      alerts: alerts!.n,
      alertMsPerArticle: Number((alertMs / Math.max(1, alertArticles)).toFixed(3)),
      riverMs: { n: river.length, p50: Math.round(pct(river, 50)), p95: Math.round(pct(river, 95)) },
      storyMs: { n: story.length, p50: Math.round(pct(story, 50)), p95: Math.round(pct(story, 95)) },
      sseEvents: events,
    };
    console.log(JSON.stringify(out));
  } finally {
    await server.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
