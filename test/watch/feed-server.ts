import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the test server answers on one path; `body` may change between requests (the feed grows). */
export interface Route {
  body?: string;
  contentType?: string;
  status?: number;
  /** Answer only after this many ms (a slow server). */
  delayMs?: number;
  /** Send validators and honour If-None-Match / If-Modified-Since. Default true. */
  conditional?: boolean;
  headers?: Record<string, string>;
}

export interface Hit {
  path: string;
  at: number;
  status: number;
  conditional: boolean;
}

/** A local HTTP server on 127.0.0.1 that serves routes the test changes as it goes, and logs every request. */
export class FeedServer {
  readonly routes = new Map<string, Route>();
  readonly hits: Hit[] = [];
  private server: Server | undefined;
  private base = "";

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  url(path: string): string {
    return this.base + path;
  }

  count(path: string, status?: number): number {
    return this.hits.filter((h) => h.path === path && (status === undefined || h.status === status)).length;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? "/";
    const route = this.routes.get(path);
    const conditional = req.headers["if-none-match"] !== undefined || req.headers["if-modified-since"] !== undefined;
    const log = (status: number) => this.hits.push({ path, at: Date.now(), status, conditional });
    if (route?.delayMs) await new Promise((r) => setTimeout(r, route.delayMs));
    if (route === undefined) {
      log(404);
      res.writeHead(404).end("not found");
      return;
    }
    const status = route.status ?? 200;
    if (status !== 200) {
      log(status);
      res.writeHead(status, route.headers ?? {}).end("error");
      return;
    }
    const body = route.body ?? "";
    const etag = `"${Buffer.from(body).length}-${hashOf(body)}"`;
    if ((route.conditional ?? true) && req.headers["if-none-match"] === etag) {
      log(304);
      res.writeHead(304, { etag }).end();
      return;
    }
    log(200);
    const headers: Record<string, string> = {
      "content-type": route.contentType ?? "application/rss+xml; charset=utf-8",
      ...route.headers,
    };
    if (route.conditional ?? true) headers["etag"] = etag;
    res.writeHead(200, headers).end(body);
  }
}

function hashOf(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16);
}

/** Invented Arabic news items (no third-party text): a full article body, or a short teaser. */
export function inventedItem(n: number, opts: { full: boolean; link: string }): string {
  const sentence = `أعلنت بلدية المدينة رقم ${n} عن افتتاح حديقة عامة جديدة في الحي الشمالي بحضور عدد من السكان والمسؤولين.`;
  const body = opts.full
    ? Array.from({ length: 8 }, (_, i) => `<p>${sentence} الفقرة ${i + 1}.</p>`).join("")
    : `خبر قصير رقم ${n} عن الحديقة.`;
  return (
    `<item><title>خبر تجريبي رقم ${n}</title><link>${opts.link}</link><guid>item-${n}</guid>` +
    `<pubDate>Mon, 0${1 + (n % 8)} Feb 2016 10:00:00 GMT</pubDate><description><![CDATA[${body}]]></description></item>`
  );
}

export function rss(items: readonly string[], title = "موقع تجريبي"): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title>${items.join("")}</channel></rss>`;
}

/** An invented article page for a summary-only item. */
export function inventedPage(n: number): string {
  const p = `<p>نص المقال الكامل رقم ${n}: ناقش المجلس المحلي خطة لتطوير النقل العام وتوسيع شبكة الحافلات في الأحياء الجديدة خلال العام المقبل.</p>`;
  return (
    `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>مقال رقم ${n}</title></head>` +
    `<body><article><h1>مقال رقم ${n}</h1>${p.repeat(6)}</article></body></html>`
  );
}
