import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { RasdError } from "../core/errors.js";

/**
 * The Content Security Policy of every response: only our own files, no inline script or style, no plugins, no
 * framing, forms post only to us. Pages are built so that they need nothing more (SVG charts use presentation
 * attributes, not style attributes).
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set("Content-Security-Policy", CSP);
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    c.res.headers.set("Referrer-Policy", "no-referrer");
    c.res.headers.set("X-Frame-Options", "DENY");
    c.res.headers.set("Cross-Origin-Opener-Policy", "same-origin");
    c.res.headers.set("Cross-Origin-Resource-Policy", "same-origin");
  };
}

function digest(s: string): Buffer {
  return createHash("sha256").update(s).digest();
}

/**
 * Checks a write token against the server's (RASD_TOKEN). Without a server token, writes are refused outright:
 * an open write endpoint is never the default. Compared in constant time.
 */
export function checkToken(expected: string | undefined, given: string | undefined): void {
  if (expected === undefined || expected === "") {
    throw new RasdError(
      "UNAUTHORIZED",
      "writes are disabled on this server: start it with RASD_TOKEN set to a secret, then send that token",
      { ar: "الكتابة معطلة على هذا الخادم: شغّله مع ضبط RASD_TOKEN على قيمة سرية، ثم أرسل تلك القيمة." },
    );
  }
  if (given === undefined || given === "") {
    throw new RasdError(
      "UNAUTHORIZED",
      "this request writes to the store: send the token as 'Authorization: Bearer <RASD_TOKEN>'",
      { ar: "هذا الطلب يكتب في المخزن: أرسل رمز الكتابة (قيمة RASD_TOKEN)." },
    );
  }
  if (!timingSafeEqual(digest(expected), digest(given))) {
    throw new RasdError(
      "UNAUTHORIZED",
      "the write token is wrong; use the value of RASD_TOKEN the server was started with",
      { ar: "رمز الكتابة غير صحيح؛ استخدم قيمة RASD_TOKEN التي شُغّل بها الخادم." },
    );
  }
}

export function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/iu.exec(header ?? "");
  return m?.[1];
}
