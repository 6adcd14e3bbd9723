import type { Writable } from "node:stream";
import type { Lang } from "../i18n/index.js";

/**
 * Where a command writes. stdout carries results only (with `--json`, nothing but JSON); everything meant for the
 * person at the terminal (progress, diagnostics, summaries of what happened) goes to stderr.
 */
export class Output {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly json: boolean;
  /** Whether stderr is a terminal: progress bars only there. */
  readonly interactive: boolean;
  /** The language of counted phrases and labels in human output: Arabic when $RASD_LANG=ar. */
  readonly lang: Lang;

  constructor(opts: { stdout: Writable; stderr: Writable; json: boolean; interactive: boolean; lang?: Lang }) {
    this.stdout = opts.stdout;
    this.stderr = opts.stderr;
    this.json = opts.json;
    this.interactive = opts.interactive;
    this.lang = opts.lang ?? "en";
  }

  /** One JSON value on its own line (JSON Lines). */
  jsonLine(value: unknown): void {
    this.stdout.write(JSON.stringify(value) + "\n");
  }

  /** Human-readable result text on stdout. */
  print(text: string): void {
    this.stdout.write(text.endsWith("\n") ? text : text + "\n");
  }

  /** A note for the person running the command, on stderr. */
  note(text: string): void {
    this.stderr.write(text.endsWith("\n") ? text : text + "\n");
  }
}
