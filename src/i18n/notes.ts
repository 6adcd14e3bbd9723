import { isolate } from "./bidi.js";
import { countText, formatNumber } from "./messages.js";
import type { Lang } from "./plural.js";

/**
 * The notes the commands print on stderr, and their result lines for a person, in both languages. The English is the contract's (tests and scripts read
 * it, so it stays byte for byte); the Arabic isolates every value that may hold Latin letters or digits (paths,
 * URLs, numbers, option names) with FSI … PDI so it keeps its place in right-to-left text. The "rasd <command>:"
 * that opens a line stays as typed, as in the error printer.
 */
interface Note<P> {
  en: (p: P) => string;
  ar: (p: P) => string;
}

function note<P = void>(en: (p: P) => string, ar: (p: P) => string): Note<P> {
  return { en, ar };
}

/** A value inside Arabic text: isolated, numbers shown as everywhere else. */
function v(x: string | number): string {
  return isolate(typeof x === "number" ? formatNumber(x) : x);
}

/** A count with its Arabic agreement ("3 مقالات", "مقالان"), the number isolated by countText. */
const n = (x: number, key: Parameters<typeof countText>[1]) => countText("ar", key, x);

export interface PollNote {
  url: string;
  error: string | null;
  /** The error in Arabic (values isolated), when rasd has it; else the English is shown as technical details. */
  errorAr: string | null;
  failuresInARow: number;
  next: string;
  outcome: string;
  items: number;
  new: number;
  stored: number;
  existing: number;
  pages: number;
  deferred: number;
  failed: number;
  broken: number;
  brokenNotes: string;
  brokenNotesAr: string;
}

/** A followed feed's health, as `rasd sources` prints it (times already shown as "YYYY-MM-DD HH:MM:SS UTC"). */
export interface SourceNote {
  url: string;
  paused: boolean;
  failures: number;
  intervalS: number;
  lastPoll: string | null;
  lastStatus: number | null;
  itemsToday: number;
  itemsTotal: number;
  backoffUntil: string | null;
  lastError: string | null;
  lastErrorAr: string | null;
}

/** What a queue worker did with one job (src/queue/worker.ts reports it; the catalogue words it). */
export interface JobNote {
  job: string;
  attempt: number;
  documents: number;
  stored: number;
  existing: number;
  failed: number;
  seconds: number;
  /** Of which: per-document stages (parallel across workers), and storing with the hooks (one batch at a time, lock wait included). */
  stageSeconds: number;
  storeSeconds: number;
  /** Waiting for earlier jobs in other workers' hands to be stored first (turn.ts); part of storeSeconds. */
  turnSeconds: number;
  /** Waiting for the ingest lock, and holding it (to the end of COMMIT); part of storeSeconds. */
  lockWaitSeconds: number;
  lockSeconds: number;
  /** Stored before an earlier job that stayed in hand past the turn's timeout. */
  outOfOrder: boolean;
}

export const NOTES = {
  newStore: note<{ command: string; path: string }>(
    (p) => `rasd ${p.command}: creating a new store at ${p.path}`,
    (p) => `rasd ${p.command}: إنشاء مخزن جديد في ${v(p.path)}`,
  ),
  demoIngested: note<{ sample: string; stored: number; existing: number; failed: number }>(
    (p) =>
      `ingested the sample corpus (${p.sample}): ${p.stored} new, ${p.existing} already stored, ${p.failed} failed`,
    (p) =>
      `أُدخلت مدونة العينة (${v(p.sample)}): جديدة ${v(p.stored)}، مخزنة من قبل ${v(p.existing)}، متعذرة ${v(p.failed)}`,
  ),
  demoStored: note<{ count: number; location: string }>(
    (p) => `${p.count} articles stored in ${p.location}`,
    (p) => `في المخزن ${v(p.location)} الآن ${n(p.count, "articles")}`,
  ),
  entityNotFound: note<{ query: string }>(
    (p) => `entity: no stored entity is called "${p.query}"; try another spelling, or ingest articles first`,
    (p) => `entity: لا كيان مخزنًا باسم «${v(p.query)}»؛ جرّب كتابة أخرى للاسم، أو أدخل مقالات أولًا`,
  ),
  committed: note<{ count: number; total: number }>(
    (p) => `committed ${p.count} new articles (${p.total} so far)`,
    (p) => `ثُبّتت دفعة: ${n(p.count, "articles")} جديدة (${v(p.total)} حتى الآن)`,
  ),
  replayProgress: note<{ done: number; records: number; reached: string | undefined }>(
    (p) => `rasd replay: ${p.done}/${p.records} (${p.reached ?? "undated"})`,
    (p) =>
      `rasd replay: عولج ${v(`${p.done}/${p.records}`)} (${p.reached === undefined ? "دون تاريخ" : `حتى ${v(p.reached)}`})`,
  ),
  searchStopwords: note<{ query: string }>(
    (p) => `search: "${p.query}" has only stopwords or no words; nothing to look up`,
    (p) => `search: «${v(p.query)}» ليس فيه إلا كلمات شائعة أو لا كلمات فيه؛ لا شيء يُبحث عنه`,
  ),
  searchCount: note<{ shown: number; total: number }>(
    (p) => `${p.shown} of ${countText("en", "results", p.total)}`,
    // "0 of no results" reads badly in Arabic: an empty search says only that there are none.
    (p) => (p.total === 0 ? n(0, "results") : `${v(p.shown)} من ${n(p.total, "results")}`),
  ),
  serveFollowing: note<{ count: number }>(
    (p) => `rasd serve: following ${p.count} feed(s) given with --watch`,
    (p) => `rasd serve: متابعة ${v(p.count)} من الخلاصات المعطاة بالخيار ${v("--watch")}`,
  ),
  serveFeedError: note<{ url: string; error: string; errorAr: string | null }>(
    (p) => `rasd serve: ${p.url}: ${p.error}`,
    (p) => `rasd serve: ${v(p.url)}: ${p.errorAr ?? `تعذّر الجلب (التفاصيل التقنية: ${v(p.error)})`}`,
  ),
  serveWritesDisabled: note(
    () => "rasd serve: writes (ingest) are disabled; set RASD_TOKEN to a secret to enable them",
    () => `rasd serve: الكتابة (الإدخال) معطلة؛ اجعل في ${v("RASD_TOKEN")} سرًّا لتفعيلها`,
  ),
  serveSessionToken: note<{ token: string }>(
    (p) => `rasd: write token for this session (the ingest page asks for it): ${p.token}`,
    (p) => `rasd: رمز الكتابة لهذه الجلسة (تطلبه صفحة الإدخال): ${v(p.token)}`,
  ),
  serveListening: note<{ host: string }>(
    (p) => `rasd serve: listening on ${p.host}: anyone who can reach it can read the store`,
    (p) => `rasd serve: الخادم يستمع على ${v(p.host)}: كل من يصل إليه يستطيع قراءة المخزن`,
  ),
  sourcesEmpty: note(
    () => "the desk follows no feed yet; 'rasd sources add URL' adds one",
    () => `لا يتابع المكتب أي خلاصة بعد؛ الأمر ${v("rasd sources add URL")} يضيف واحدة`,
  ),
  storiesEmpty: note(
    () => "no stories stored yet; 'rasd ingest PATH…' adds articles and clusters them",
    () => `لا قصص مخزنة بعد؛ الأمر ${v("rasd ingest PATH…")} يضيف مقالات ويجمعها في قصص`,
  ),
  topicsEmpty: note(
    () => "no topics stored yet; 'rasd ingest PATH…' adds articles and clusters them",
    () => `لا مواضيع مخزنة بعد؛ الأمر ${v("rasd ingest PATH…")} يضيف مقالات ويجمعها في قصص`,
  ),
  watchStopping: note(
    () => "rasd watch: stopping after the polls in flight (again to stop at once)",
    () => "rasd watch: التوقف بعد إتمام عمليات الجلب الجارية (أعد الإشارة للتوقف فورًا)",
  ),
  watchPoll: note<PollNote>(
    (p) => {
      if (p.outcome === "error")
        return `rasd watch: ${p.url}: ${String(p.error)} (failed ${p.failuresInARow} time(s) in a row; next try at ${p.next} UTC)`;
      if (p.outcome === "not-modified") return `rasd watch: ${p.url}: not modified; next poll at ${p.next} UTC`;
      const parts = [`${p.items} items`, `${p.new} new`, `${p.stored} stored`];
      if (p.existing > 0) parts.push(`${p.existing} already stored`);
      if (p.pages > 0) parts.push(`${p.pages} linked pages fetched`);
      if (p.deferred > 0) parts.push(`${p.deferred} waiting for their page`);
      if (p.failed > 0) parts.push(`${p.failed} failed`);
      if (p.broken > 0) parts.push(`${p.broken} not articles (${p.brokenNotes})`);
      return `rasd watch: ${p.url}: ${parts.join(", ")}; next poll at ${p.next} UTC`;
    },
    (p) => {
      const next = `${v(`${p.next} UTC`)}`;
      if (p.outcome === "error")
        return `rasd watch: ${v(p.url)}: ${p.errorAr ?? `تعذّر الجلب (التفاصيل التقنية: ${v(p.error ?? "")})`} (تعذّر ${v(p.failuresInARow)} مرة متتالية؛ المحاولة التالية ${next})`;
      if (p.outcome === "not-modified") return `rasd watch: ${v(p.url)}: لم يتغير؛ الجلب التالي ${next}`;
      const parts = [`عناصر ${v(p.items)}`, `جديدة ${v(p.new)}`, `مخزنة ${v(p.stored)}`];
      if (p.existing > 0) parts.push(`مخزنة من قبل ${v(p.existing)}`);
      if (p.pages > 0) parts.push(`صفحات مرتبطة جُلبت ${v(p.pages)}`);
      if (p.deferred > 0) parts.push(`تنتظر صفحتها ${v(p.deferred)}`);
      if (p.failed > 0) parts.push(`متعذرة ${v(p.failed)}`);
      if (p.broken > 0) parts.push(`ليست مقالات ${v(p.broken)} (${p.brokenNotesAr})`);
      return `rasd watch: ${v(p.url)}: ${parts.join("، ")}؛ الجلب التالي ${next}`;
    },
  ),
  workerSignal: note<{ signal: string }>(
    (p) => `rasd worker: ${p.signal}: finishing the job in hand, then stopping (send it again to stop at once)`,
    (p) => `rasd worker: ${v(p.signal)}: إتمام المهمة الجارية ثم التوقف (أرسلها مرة أخرى للتوقف فورًا)`,
  ),
  workerJob: note<JobNote>(
    (j) =>
      `rasd worker: job ${j.job} (attempt ${j.attempt}): ${j.documents} documents, ${j.stored} stored, ` +
      `${j.existing} already stored, ${j.failed} failed in ${j.seconds.toFixed(1)}s ` +
      `(pipeline ${j.stageSeconds.toFixed(1)}s, store ${j.storeSeconds.toFixed(1)}s of which ${j.turnSeconds.toFixed(1)}s waiting for earlier jobs, ` +
      `${j.lockWaitSeconds.toFixed(2)}s waiting for the ingest lock, ${j.lockSeconds.toFixed(2)}s holding it)` +
      (j.outOfOrder ? "; stored out of order: an earlier job stayed in another worker's hands too long" : ""),
    (j) =>
      `rasd worker: المهمة ${v(j.job)} (المحاولة ${v(j.attempt)}): ${n(j.documents, "documents")}، مخزنة ${v(j.stored)}، ` +
      `مخزنة من قبل ${v(j.existing)}، متعذرة ${v(j.failed)} في ${v(`${j.seconds.toFixed(1)}s`)} ` +
      `(المعالجة ${v(`${j.stageSeconds.toFixed(1)}s`)}، التخزين ${v(`${j.storeSeconds.toFixed(1)}s`)} منها ` +
      `${v(`${j.turnSeconds.toFixed(1)}s`)} انتظارًا لمهام سابقة، و${v(`${j.lockWaitSeconds.toFixed(2)}s`)} انتظارًا ` +
      `لقفل الإدخال، و${v(`${j.lockSeconds.toFixed(2)}s`)} في حيازته)` +
      (j.outOfOrder ? "؛ خُزّنت خارج الترتيب: بقيت مهمة سابقة في يد عامل آخر مدة طويلة" : ""),
  ),
  workerRecovered: note<{ ids: string }>(
    (p) => `rasd worker: found dead worker(s) ${p.ids}; their jobs go back to the queue`,
    (p) => `rasd worker: عُثر على عمال متوقفين (${v(p.ids)})؛ تعود مهامهم إلى الطابور`,
  ),
  // The result lines the commands print on stdout for a person (a script reads --json instead).
  serveServing: note<{ location: string; url: string }>(
    (p) => `rasd is serving ${p.location} at ${p.url}`,
    (p) => `رصد يعرض المخزن ${v(p.location)} على ${v(p.url)}`,
  ),
  ingestReport: note<{
    documents: number;
    files: number;
    seconds: string;
    rate: number | undefined;
    stored: number;
    existing: number;
    failed: number;
    diagnostics: number;
  }>(
    (p) =>
      `ingested ${p.documents} documents from ${p.files} files in ${p.seconds}` +
      (p.rate !== undefined ? ` (${p.rate} documents/s)` : "") +
      `: ${p.stored} stored, ${p.existing} already stored, ${p.failed} failed` +
      (p.diagnostics > 0 ? `; ${p.diagnostics} warnings on stored articles (see 'rasd extract')` : ""),
    (p) =>
      `أُدخلت ${n(p.documents, "documents")} من ${n(p.files, "files")} في ${v(p.seconds)}` +
      (p.rate !== undefined ? ` (${v(p.rate)} وثيقة في الثانية)` : "") +
      `: مخزنة ${v(p.stored)}، مخزنة من قبل ${v(p.existing)}، متعذرة ${v(p.failed)}` +
      (p.diagnostics > 0 ? `؛ تحذيرات على مقالات مخزنة ${v(p.diagnostics)} (انظر ${v("rasd extract")})` : ""),
  ),
  replayReport: note<{ records: number; seconds: number; stored: number; existing: number; failed: number }>(
    (p) =>
      `replayed ${p.records} records in ${p.seconds.toFixed(1)} s: ${p.stored} stored, ${p.existing} already stored, ${p.failed} failed`,
    (p) =>
      `أُعيد بث ${v(p.records)} من السجلات في ${v(`${p.seconds.toFixed(1)} s`)}: مخزنة ${v(p.stored)}، مخزنة من قبل ${v(p.existing)}، متعذرة ${v(p.failed)}`,
  ),
  workerReport: note<{
    workerId: string;
    jobs: number;
    documents: number;
    seconds: string;
    stored: number;
    existing: number;
    failed: number;
    permanentlyFailed: number;
  }>(
    (p) =>
      `worker ${p.workerId}: ${p.jobs} jobs, ${p.documents} documents in ${p.seconds}: ` +
      `${p.stored} stored, ${p.existing} already stored, ${p.failed} failed` +
      (p.permanentlyFailed > 0
        ? `; ${p.permanentlyFailed} jobs in the queue failed for good (see graphile_worker.jobs.last_error)`
        : ""),
    (p) =>
      `العامل ${v(p.workerId)}: مهام ${v(p.jobs)}، ${n(p.documents, "documents")} في ${v(p.seconds)}: ` +
      `مخزنة ${v(p.stored)}، مخزنة من قبل ${v(p.existing)}، متعذرة ${v(p.failed)}` +
      (p.permanentlyFailed > 0
        ? `؛ مهام في الطابور فشلت نهائيًا ${v(p.permanentlyFailed)} (انظر ${v("graphile_worker.jobs.last_error")})`
        : ""),
  ),
  queueReport: note<{ queued: number; files: number; jobs: number; seconds: string; failed: number }>(
    (p) =>
      `queued ${p.queued} documents from ${p.files} files as ${p.jobs} jobs in ${p.seconds}` +
      (p.failed > 0 ? `; ${p.failed} failed` : "") +
      "; start 'rasd worker' to process them",
    (p) =>
      `وُضعت في الطابور ${n(p.queued, "documents")} من ${n(p.files, "files")} في مهام ${v(p.jobs)} خلال ${v(p.seconds)}` +
      (p.failed > 0 ? `؛ متعذرة ${v(p.failed)}` : "") +
      `؛ شغّل ${v("rasd worker")} لمعالجتها`,
  ),
  watchReport: note<{
    feeds: number;
    seconds: string;
    polls: number;
    notModified: number;
    errors: number;
    new: number;
    stored: number;
    existing: number;
    failed: number;
  }>(
    (p) =>
      `watched ${p.feeds} feeds for ${p.seconds}: ${p.polls} polls (${p.notModified} not modified, ` +
      `${p.errors} failed), ${p.new} new items, ${p.stored} stored, ${p.existing} already stored, ${p.failed} failed`,
    (p) =>
      `تابع رصد ${n(p.feeds, "feeds")} مدة ${v(p.seconds)}: عمليات الجلب ${v(p.polls)} (لم يتغير ${v(p.notModified)}، ` +
      `تعذّر ${v(p.errors)})، عناصر جديدة ${v(p.new)}، مخزنة ${v(p.stored)}، مخزنة من قبل ${v(p.existing)}، متعذرة ${v(p.failed)}`,
  ),
  sourceLine: note<SourceNote>(
    (p) => {
      const state = p.paused ? "paused" : p.failures > 0 ? `failing (${p.failures} in a row)` : "ok";
      const parts = [
        state,
        `every ${p.intervalS} s`,
        `last poll ${p.lastPoll ?? "never"}${p.lastStatus !== null ? ` (HTTP ${p.lastStatus})` : ""}`,
        `${p.itemsToday} items today, ${p.itemsTotal} in all`,
      ];
      if (p.backoffUntil !== null) parts.push(`backing off until ${p.backoffUntil}`);
      if (p.lastError !== null) parts.push(`last error: ${p.lastError}`);
      return `${p.url}  ${parts.join("; ")}`;
    },
    (p) => {
      const state = p.paused ? "متوقفة مؤقتًا" : p.failures > 0 ? `تتعذّر (${v(p.failures)} مرة متتالية)` : "تعمل";
      const parts = [
        state,
        `كل ${v(`${p.intervalS} s`)}`,
        `آخر جلب ${p.lastPoll === null ? "لم يحدث بعد" : v(p.lastPoll)}${p.lastStatus !== null ? ` (${v(`HTTP ${p.lastStatus}`)})` : ""}`,
        `عناصر اليوم ${v(p.itemsToday)}، وكلها ${v(p.itemsTotal)}`,
      ];
      if (p.backoffUntil !== null) parts.push(`تتريّث حتى ${v(p.backoffUntil)}`);
      if (p.lastError !== null)
        parts.push(`آخر خطأ: ${p.lastErrorAr ?? `تعذّر الجلب (التفاصيل التقنية: ${v(p.lastError)})`}`);
      return `${v(p.url)}  ${parts.join("؛ ")}`;
    },
  ),
  sourceRemoved: note<{ url: string }>(
    (p) => `${p.url}  no longer followed (what it brought stays stored)`,
    (p) => `${v(p.url)}  لم تعد متابعة (ما جلبته يبقى مخزنًا)`,
  ),
  // The progress bar's words (cli/progress.ts): its label, what it counts, and the time left.
  barIngest: note(
    () => "ingest",
    () => "الإدخال",
  ),
  barSample: note(
    () => "sample",
    () => "العينة",
  ),
  barIngestCounts: note<{ stored: number; existing: number; failed: number }>(
    (p) => `${p.stored} stored, ${p.existing} known, ${p.failed} failed`,
    (p) => `مخزنة ${v(p.stored)}، معروفة ${v(p.existing)}، متعذرة ${v(p.failed)}`,
  ),
  barSampleCounts: note<{ stored: number }>(
    (p) => `${p.stored} stored`,
    (p) => `مخزنة ${v(p.stored)}`,
  ),
  barLeft: note<{ time: string }>(
    (p) => `~${p.time} left`,
    (p) => `بقي نحو ${v(p.time)}`,
  ),
} as const;

export type NoteKey = keyof typeof NOTES;

type NoteParams<K extends NoteKey> = Parameters<(typeof NOTES)[K]["en"]>;

/** The note `key` in `lang`, filled with its parameters. */
export function noteText<K extends NoteKey>(lang: Lang, key: K, ...params: NoteParams<K>): string {
  const render = NOTES[key][lang] as (...p: NoteParams<K>) => string;
  return render(...params);
}
