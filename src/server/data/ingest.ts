import { createHash } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RasdError } from "../../core/errors.js";
import { loadHasher } from "../../core/hash.js";
import { pipelineFor } from "../../assemble/for-store.js";
import { ingest, type IngestReport } from "../../pipeline/ingest.js";
import type { Store } from "../../store/store.js";

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** The input kinds rasd reads, by file name ending (longest first). */
export const UPLOAD_EXTENSIONS = [
  ".jsonl.gz",
  ".json.gz",
  ".txt",
  ".html",
  ".htm",
  ".xml",
  ".rss",
  ".atom",
  ".json",
  ".jsonl",
] as const;

/**
 * A file name safe to write: the last path segment only, letters/digits/`._-` kept, the rest replaced, short.
 * The uploader's name is never used as a path: `../../etc/passwd` becomes `.._.._etc_passwd` inside our folder,
 * and files without a known ending are refused.
 */
export function safeName(name: string): string {
  const last = name.split(/[\\/]/u).pop() ?? "";
  const lower = last.toLowerCase();
  const ext = UPLOAD_EXTENSIONS.find((e) => lower.endsWith(e));
  if (ext === undefined) {
    throw new RasdError(
      "USAGE",
      `cannot ingest "${last.slice(0, 80)}": rasd reads ${UPLOAD_EXTENSIONS.join(", ")} files; rename it or convert it`,
      { input: last },
    );
  }
  const stem =
    last
      .slice(0, last.length - ext.length)
      .replace(/[^\p{L}\p{N}_-]+/gu, "_")
      .slice(0, 80) || "upload";
  return stem + ext;
}

/** What an upload made: the ingest report, and the stories its articles (new or already stored) belong to. */
export interface UploadReport extends IngestReport {
  stories: Array<{ id: string; title: string; articles: number }>;
}

/** One ingest at a time per server: the store's batches stay in order and a big upload does not starve the rest. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Ingests uploaded files through the same pipeline as `rasd ingest`. Each file is written under a folder named by a
 * hash of its name and content, so the same upload is the same source (ingesting it again stores nothing new);
 * the folder is removed afterwards.
 */
export async function ingestUploads(store: Store, uploads: readonly Upload[]): Promise<UploadReport> {
  if (uploads.length === 0)
    throw new RasdError("USAGE", 'ingest: no files in the request; send one or more files in the form field "file"');
  const named = uploads.map((u) => ({ ...u, safe: safeName(u.name) }));
  const run = queue.then(() => ingestNow(store, named));
  queue = run.catch(() => undefined);
  return run;
}

async function ingestNow(store: Store, uploads: ReadonlyArray<Upload & { safe: string }>): Promise<UploadReport> {
  await loadHasher();
  const root = join(tmpdir(), "rasd-uploads");
  const dirs: string[] = [];
  const paths: string[] = [];
  try {
    for (const u of uploads) {
      const h = createHash("sha256").update(u.safe).update("\u0000").update(u.bytes).digest("hex").slice(0, 24);
      const dir = join(root, h);
      await mkdir(dir, { recursive: true });
      dirs.push(dir);
      const path = join(dir, u.safe);
      await writeFile(path, u.bytes);
      paths.push(path);
    }
    const report = await ingest(store, { paths, ...(await pipelineFor(store)) });
    return { ...report, stories: await storiesUnder(store, dirs) };
  } finally {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  }
}

/** The stories holding articles read from these folders (an upload's articles carry its folder in their path). */
async function storiesUnder(store: Store, dirs: readonly string[]): Promise<UploadReport["stories"]> {
  if (dirs.length === 0) return [];
  const rows = await store.db.query<{ id: string; title: string; articles: number }>(
    `SELECT s.id, s.title, count(*)::int AS articles FROM articles a JOIN stories s ON s.id = a.story_id
      WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS d(dir) WHERE starts_with(a.path, d.dir))
      GROUP BY s.id, s.title ORDER BY articles DESC, s.id LIMIT 50`,
    [dirs.map((d) => d + "/")],
  );
  return rows.map((r) => ({ ...r, articles: Number(r.articles) }));
}
