import { RasdError } from "../core/errors.js";
import type { RawDoc } from "../core/stage.js";
import type { DocInput } from "../pipeline/store-batch.js";

/** The graphile-worker task that ingests one batch. */
export const INGEST_TASK = "rasd_ingest";

/** A RawDoc as JSON: bytes (pages read from files) travel as base64. */
export interface WireDoc {
  sourceKey: string;
  raw: Omit<RawDoc, "bytes"> & { bytes64?: string };
}

/**
 * One ingest job: a batch of documents, self-contained so that a worker on another machine needs no access to the
 * files they came from. `v` versions the shape; a worker refuses (and the job fails visibly) on a shape it does
 * not know instead of guessing.
 */
export interface IngestJob {
  v: 1;
  docs: WireDoc[];
}

export function toWire(d: DocInput): WireDoc {
  const { bytes, ...rest } = d.raw;
  return {
    sourceKey: d.sourceKey,
    raw: bytes !== undefined ? { ...rest, bytes64: Buffer.from(bytes).toString("base64") } : rest,
  };
}

function fromWire(w: WireDoc): DocInput {
  const { bytes64, ...rest } = w.raw;
  const raw: RawDoc = bytes64 !== undefined ? { ...rest, bytes: new Uint8Array(Buffer.from(bytes64, "base64")) } : rest;
  return { raw, sourceKey: w.sourceKey };
}

function isWireDoc(v: unknown): v is WireDoc {
  if (v === null || typeof v !== "object") return false;
  const w = v as { sourceKey?: unknown; raw?: { source?: { path?: unknown }; format?: unknown } };
  return (
    typeof w.sourceKey === "string" &&
    typeof w.raw?.source?.path === "string" &&
    (w.raw.format === "text" || w.raw.format === "html" || w.raw.format === "record")
  );
}

/** The documents of a job payload; a payload of another shape is an error that names the job. */
export function decodeJob(payload: unknown, jobId: string): DocInput[] {
  const p = payload as Partial<IngestJob> | null;
  if (p === null || typeof p !== "object" || p.v !== 1 || !Array.isArray(p.docs) || !p.docs.every(isWireDoc)) {
    throw new RasdError(
      "PARSE",
      `queue job ${jobId} is not a rasd ingest batch (version 1); it was made by another rasd version or by hand — remove it or enqueue again`,
      { input: `job ${jobId}` },
    );
  }
  return p.docs.map(fromWire);
}
