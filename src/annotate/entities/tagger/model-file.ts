import { endianness } from "node:os";
import { LABELS } from "./perceptron.js";

/**
 * The model file (`src/annotate/entities/tagger/model/ner.bin.gz`, gzip of):
 *
 *   "rasdner2"                     8 bytes
 *   header length                  u32 LE
 *   header                         JSON {"version": 2, "labels": [...], "scale": 1000, "count": n}
 *   keys                           n × f64 LE   feature keys (hash.ts)
 *   weights                        n × labels × i32 LE   weight × scale, rounded
 *
 * Binary, because parsing 90k JSON arrays was a visible part of every process's start.
 */

export interface ModelData {
  keys: Float64Array;
  /** `keys.length × LABELS.length` integer weights. */
  weights: Int32Array;
  scale: number;
}

const MAGIC = "rasdner2";

export function encodeModel(m: ModelData): Buffer {
  const header = Buffer.from(
    JSON.stringify({ version: 2, labels: LABELS, scale: m.scale, count: m.keys.length }),
    "utf8",
  );
  const out = Buffer.alloc(MAGIC.length + 4 + header.length + m.keys.length * 8 + m.weights.length * 4);
  let at = out.write(MAGIC, 0, "latin1");
  at = out.writeUInt32LE(header.length, at);
  at += header.copy(out, at);
  for (const k of m.keys) at = out.writeDoubleLE(k, at);
  for (const w of m.weights) at = out.writeInt32LE(w, at);
  return out;
}

const STALE = "rasd: the NER model file does not match this version of rasd; run `npx tsx scripts/ner-train.ts`";

export function decodeModel(buf: Buffer): ModelData {
  if (buf.toString("latin1", 0, MAGIC.length) !== MAGIC) throw new Error(STALE);
  const len = buf.readUInt32LE(MAGIC.length);
  let at = MAGIC.length + 4;
  const header = JSON.parse(buf.toString("utf8", at, at + len)) as {
    version: number;
    labels: string[];
    scale: number;
    count: number;
  };
  at += len;
  if (header.version !== 2 || header.labels.join() !== LABELS.join()) throw new Error(STALE);
  const n = header.count;
  if (buf.length !== at + n * 8 + n * LABELS.length * 4) throw new Error(`${STALE} (the file is truncated)`);
  const keys = new Float64Array(n);
  const weights = new Int32Array(n * LABELS.length);
  if (endianness() === "LE") {
    // The file's byte order is the machine's: copy the bytes into the arrays at once (a number at a time was a
    // visible part of every process's start).
    new Uint8Array(keys.buffer).set(buf.subarray(at, at + n * 8));
    new Uint8Array(weights.buffer).set(buf.subarray(at + n * 8, at + n * 8 + weights.length * 4));
    return { keys, weights, scale: header.scale };
  }
  for (let i = 0; i < n; i++, at += 8) keys[i] = buf.readDoubleLE(at);
  for (let i = 0; i < weights.length; i++, at += 4) weights[i] = buf.readInt32LE(at);
  return { keys, weights, scale: header.scale };
}
