import { RasdError, messageOf } from "../core/errors.js";
import { said, type Said } from "../i18n/reasons.js";

/** What a conditional GET brought back. */
export type FetchResult =
  | { kind: "not-modified" }
  | {
      kind: "ok";
      body: Uint8Array;
      etag: string | null;
      lastModified: string | null;
      contentType: string | null;
      url: string;
    };

/** A failed fetch: the HTTP status when there was one, and how long the server asked us to wait (Retry-After). */
export class FetchError extends RasdError {
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  /** Worth retrying later (network trouble, timeouts, 5xx, 429) rather than a definite answer (404, 410…). */
  readonly transient: boolean;

  constructor(
    url: string,
    why: Said,
    opts: { status?: number; retryAfterMs?: number | null; transient: boolean; cause?: unknown },
  ) {
    const s = said("cannotFetch", { url, why });
    super("NOT_FOUND", s.en, { input: url, cause: opts.cause, ar: s.ar });
    this.status = opts.status ?? null;
    this.retryAfterMs = opts.retryAfterMs ?? null;
    this.transient = opts.transient;
  }
}

export interface FetchOptions {
  etag?: string | null;
  lastModified?: string | null;
  /** Give up after this long (connect, headers and body together). Default 30 000 ms. */
  timeoutMs?: number;
  /** Refuse bodies larger than this. Default 20 MB: a feed or a page, not a download. */
  maxBytes?: number;
  accept?: string;
}

export const USER_AGENT = "rasd/0.1 (news feed monitor; polls politely with conditional GET)";

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === "") return null;
  const secs = Number(value.trim());
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

async function readLimited(res: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get("content-length") ?? "NaN");
  if (declared > maxBytes)
    throw new FetchError(url, said("fetchTooLarge", { declared, max: maxBytes }), { transient: false });
  if (res.body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes)
      throw new FetchError(url, said("fetchTooLarge", { declared: undefined, max: maxBytes }), { transient: false });
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Errors of a kept-alive connection the server closed just as we reused it: the request never reached it. */
const STALE_SOCKET = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);

/** One GET; retried once, at once, when it died on a stale kept-alive socket (safe: GET is idempotent). */
async function fetchOnce(url: string, headers: Record<string, string>, timeoutMs: number): Promise<Response> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    return await fetch(url, { headers, redirect: "follow", signal });
  } catch (e) {
    const code = ((e as { cause?: { code?: string } }).cause ?? {}).code;
    if (code === undefined || !STALE_SOCKET.has(code) || signal.aborted) throw e;
    return await fetch(url, { headers, redirect: "follow", signal });
  }
}

/**
 * GET with the validators of the last response (If-None-Match / If-Modified-Since), so an unchanged feed costs the
 * server a 304 and no body. Every failure is a FetchError that says whether trying later may help.
 */
export async function conditionalGet(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const headers: Record<string, string> = {
    "user-agent": USER_AGENT,
    accept:
      opts.accept ?? "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
  };
  if (opts.etag) headers["if-none-match"] = opts.etag;
  if (opts.lastModified) headers["if-modified-since"] = opts.lastModified;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  let res: Response;
  try {
    res = await fetchOnce(url, headers, timeoutMs);
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
    const why = timedOut
      ? said("fetchTimeout", { seconds: timeoutMs / 1000 })
      : said("fetchNetwork", { why: messageOf((e as { cause?: unknown }).cause ?? e) });
    throw new FetchError(url, why, { transient: true, cause: e });
  }
  if (res.status === 304) {
    await res.body?.cancel().catch(() => {});
    return { kind: "not-modified" };
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    const transient = res.status >= 500 || res.status === 429 || res.status === 408;
    throw new FetchError(url, said("fetchStatus", { status: res.status, text: res.statusText }), {
      status: res.status,
      retryAfterMs: parseRetryAfter(res.headers.get("retry-after")),
      transient,
    });
  }
  let body: Uint8Array;
  try {
    body = await readLimited(res, url, opts.maxBytes ?? 20_000_000);
  } catch (e) {
    if (e instanceof FetchError) throw e;
    throw new FetchError(url, said("fetchBrokeOff", { why: messageOf(e) }), { transient: true, cause: e });
  }
  return {
    kind: "ok",
    body,
    etag: res.headers.get("etag"),
    lastModified: res.headers.get("last-modified"),
    contentType: res.headers.get("content-type"),
    url: res.url || url,
  };
}
