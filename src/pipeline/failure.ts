import { isRasdError, messageOf, type ErrorCode } from "../core/errors.js";

// Its own module, apart from store-batch.ts: commands that store nothing (`rasd extract`, `summarize`) and the stage
// threads name failures too, and must not load the store to do it.

/** A document that could not be stored, named as `inputLabel` names it, with rasd's error code and the reason. */
export interface DocFailure {
  input: string;
  code: ErrorCode;
  /** The reason in English, as scripts and logs read it (stable). */
  reason: string;
  /** The same reason in Arabic, for a person, when rasd has it (i18n/reasons.ts); absent otherwise. */
  ar?: string;
}

/**
 * A failure as reports carry it: the input, rasd's code, the message. Anything but a RasdError is INTERNAL (a bug,
 * or a foreign error whose own `code`, a SQLSTATE or an errno name, means nothing to rasd's callers).
 */
export function failure(input: string, e: unknown): DocFailure {
  const f: DocFailure = { input, code: isRasdError(e) ? e.code : "INTERNAL", reason: messageOf(e) };
  if (isRasdError(e) && e.ar !== undefined) f.ar = e.ar;
  return f;
}
