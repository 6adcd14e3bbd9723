/**
 * The one exception type rasd throws. Every error has a code (for the CLI's exit status and the HTTP status), names
 * the input it is about, and says what to do. Only fatal problems throw; the rest are Diagnostics on the document.
 */

export type ErrorCode =
  | "USAGE" // the command line or request is malformed
  | "NOT_FOUND" // a path, story, article or entity does not exist
  | "DECODE" // bytes that are not text in any encoding we accept
  | "PARSE" // text that is not the format its name says
  | "EMPTY" // an input with nothing to extract
  | "STORE" // the store refused or failed
  | "NOT_AVAILABLE" // a capability that is not built yet
  | "UNAUTHORIZED"
  | "TOO_LARGE"
  | "INTERNAL";

export class RasdError extends Error {
  readonly code: ErrorCode;
  /** The input the error is about (a path, a URL, an id), when there is one. */
  readonly input: string | undefined;
  /** The same message in Arabic, for the people the web UI and an Arabic-speaking client show it to. */
  readonly ar: string | undefined;

  constructor(code: ErrorCode, message: string, options: { input?: string; cause?: unknown; ar?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "RasdError";
    this.code = code;
    this.input = options.input;
    this.ar = options.ar;
  }
}

/**
 * The one test for "is this rasd's error?". Never `"code" in e`: a PostgreSQL error carries its SQLSTATE (`23505`)
 * and a file-system error its errno name (`ENOENT`) in a `code` field too, and neither is a rasd code.
 */
export function isRasdError(e: unknown): e is RasdError {
  return e instanceof RasdError;
}

/** A capability whose issue has not landed yet: say so plainly instead of making output up. */
export function notAvailable(what: string): RasdError {
  return new RasdError(
    "NOT_AVAILABLE",
    `${what} is not available yet in this version of rasd; it will come with a later release`,
  );
}

/** The message of any thrown value, for reports. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
