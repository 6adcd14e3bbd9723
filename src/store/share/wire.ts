/**
 * The wire format between the process that holds an embedded store and the processes that use it through it:
 * one JSON object per line over a loopback socket.
 *
 * Values JSON cannot carry as themselves (bigint, bytes, dates, NaN and the infinities) travel as an object with a
 * NUL key, `{"\u0000": kind, "v": text}`. No stored value can look like that: PostgreSQL's jsonb and text refuse NUL,
 * so a row never holds such an object of its own.
 */

export type Request =
  | { id: number; op: "hello"; token: string }
  | { id: number; op: "query"; text: string; params: unknown[] }
  | { id: number; op: "exec"; text: string }
  | { id: number; op: "begin" | "commit" | "rollback" };

export interface WireError {
  message: string;
  /** SQLSTATE or rasd error code, kept so that callers that look at `code` behave as they would locally. */
  code?: string;
  detail?: string;
}

export type Response = { id: number; rows?: unknown[]; error?: WireError };

const TAG = "\u0000";

function tagged(kind: string, v: string): Record<string, string> {
  return { [TAG]: kind, v };
}

function replacer(this: unknown, key: string, value: unknown): unknown {
  // `value` has been through toJSON already (a Date is a string, a Buffer {type, data}); the holder keeps the original.
  const original = (this as Record<string, unknown>)[key];
  if (original instanceof Date) return tagged("date", String(original.getTime()));
  if (original instanceof Uint8Array) return tagged("bytes", Buffer.from(original).toString("base64"));
  if (typeof value === "bigint") return tagged("big", value.toString());
  if (typeof value === "number" && !Number.isFinite(value)) return tagged("num", String(value));
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const kind = (value as Record<string, unknown>)[TAG];
  if (typeof kind !== "string") return value;
  const v = String((value as { v?: unknown }).v);
  switch (kind) {
    case "date":
      return new Date(Number(v));
    case "big":
      return BigInt(v);
    case "num":
      return Number(v);
    case "bytes":
      return new Uint8Array(Buffer.from(v, "base64"));
    default:
      return value;
  }
}

/** One message as one line (no raw newline can occur inside JSON text). */
export function encode(message: Request | Response): string {
  return JSON.stringify(message, replacer) + "\n";
}

/** Parses one line; the reviver runs only when the line carries a tagged value (most carry none). */
export function decode<T extends Request | Response>(line: string): T {
  return (line.includes("\\u0000") ? JSON.parse(line, reviver) : JSON.parse(line)) as T;
}

/**
 * Splits a byte stream into lines and hands each complete one to `onLine`. Only each new chunk is searched for the
 * end of line, so a result of many megabytes costs one pass, not one per chunk.
 */
export function lineReader(onLine: (line: string) => void): (chunk: Buffer) => void {
  let parts: Buffer[] = [];
  return (chunk: Buffer) => {
    let from = 0;
    let nl = chunk.indexOf(10);
    while (nl >= 0) {
      parts.push(chunk.subarray(from, nl));
      const line = Buffer.concat(parts).toString("utf8");
      parts = [];
      if (line !== "") onLine(line);
      from = nl + 1;
      nl = chunk.indexOf(10, from);
    }
    if (from < chunk.length) parts.push(chunk.subarray(from));
  };
}

/** An error as it crosses the wire: message and code, nothing that could carry a stack or a secret. */
export function toWire(e: unknown): WireError {
  const o = (e ?? {}) as { message?: unknown; code?: unknown; detail?: unknown };
  const out: WireError = { message: typeof o.message === "string" ? o.message : String(e) };
  if (typeof o.code === "string") out.code = o.code;
  if (typeof o.detail === "string") out.detail = o.detail;
  return out;
}
