import type { Diagnostic, Severity } from "./types.js";

/**
 * The per-document context every stage receives: which document this is, and a place to put what went wrong.
 * Stages record problems here instead of throwing (after vfile's `message`), so that one odd paragraph never costs
 * the rest of the article. `fail` is for the rare problem after which the document cannot be processed at all.
 */
export class DocContext {
  readonly path: string;
  readonly messages: Diagnostic[] = [];
  /** The stage now running; set by the pipeline so stages need not repeat their own name. */
  stage = "pipeline";

  constructor(path: string) {
    this.path = path;
  }

  report(
    rule: string,
    reason: string,
    severity: Severity = "warning",
    place: Partial<Pick<Diagnostic, "line" | "column" | "start" | "end">> = {},
  ): Diagnostic {
    const d: Diagnostic = { stage: this.stage, rule, reason, severity };
    if (place.line !== undefined) d.line = place.line;
    if (place.column !== undefined) d.column = place.column;
    if (place.start !== undefined) d.start = place.start;
    if (place.end !== undefined) d.end = place.end;
    this.messages.push(d);
    return d;
  }

  info(rule: string, reason: string, place: Partial<Pick<Diagnostic, "line" | "column" | "start" | "end">> = {}) {
    return this.report(rule, reason, "info", place);
  }

  warn(rule: string, reason: string, place: Partial<Pick<Diagnostic, "line" | "column" | "start" | "end">> = {}) {
    return this.report(rule, reason, "warning", place);
  }
}

/** `path:line:col: reason [stage/rule]`, the one way diagnostics are printed (STYLE.md point 2). */
export function formatDiagnostic(path: string, d: Diagnostic): string {
  const place = d.line !== undefined ? `:${d.line}${d.column !== undefined ? `:${d.column}` : ""}` : "";
  return `${path}${place}: ${d.severity}: ${d.reason} [${d.stage}/${d.rule}]`;
}
