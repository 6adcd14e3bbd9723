import type { z } from "zod";
import { RasdError, type ErrorCode } from "../core/errors.js";

/** HTTP status of each error code (STYLE.md: the HTTP layer maps codes to statuses). */
const STATUS: Record<ErrorCode, number> = {
  USAGE: 400,
  PARSE: 400,
  DECODE: 400,
  EMPTY: 400,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  TOO_LARGE: 413,
  NOT_AVAILABLE: 501,
  STORE: 503,
  INTERNAL: 500,
};

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 413 | 500 | 501 | 503;

export interface ErrorBody {
  error: { code: string; message: string };
}

/** The status and JSON body for any thrown value. Unknown errors say nothing of their insides (no stack, no SQL). */
export function errorResponse(e: unknown): { status: ErrorStatus; body: ErrorBody } {
  if (e instanceof RasdError) {
    return { status: STATUS[e.code] as ErrorStatus, body: { error: { code: e.code, message: e.message } } };
  }
  return {
    status: 500,
    body: { error: { code: "INTERNAL", message: "internal error; the server log has the details" } },
  };
}

/** One readable sentence from zod's issues: which parameter, what is wrong with it. */
export function validationMessage(where: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((i) => {
    if (i.code === "unrecognized_keys")
      return `unknown ${where} parameter${i.keys.length > 1 ? "s" : ""} ${i.keys.map((k) => `"${k}"`).join(", ")}`;
    const name = i.path.map(String).join(".");
    return name === "" ? i.message : `${where} parameter "${name}": ${i.message}`;
  });
  return parts.join("; ");
}

export function badRequest(where: string, error: z.ZodError): RasdError {
  return new RasdError("USAGE", validationMessage(where, error));
}
