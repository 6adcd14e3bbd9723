import type { Writable } from "node:stream";
import { isolate } from "../i18n/bidi.js";
import { noteText } from "../i18n/notes.js";
import type { Lang } from "../i18n/plural.js";

/**
 * A one-line progress bar on a terminal (redrawn at most 10 times a second), and nothing at all when stderr is not
 * a terminal, so logs and pipes stay clean. Its words are the command line's language (i18n/notes.ts, `bar…`); in
 * Arabic the percentage is isolated like every number.
 */
export class ProgressBar {
  private last = 0;
  private readonly started = performance.now();
  private drawn = false;

  constructor(
    private readonly out: Writable & { columns?: number | undefined },
    private readonly enabled: boolean,
    private readonly label: string,
    private readonly lang: Lang = "en",
  ) {}

  update(fraction: number, detail: string, force = false): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const width = 24;
    const f = Math.max(0, Math.min(1, fraction));
    const filled = Math.round(f * width);
    const secs = (now - this.started) / 1000;
    const eta = f > 0.01 ? Math.max(0, secs / f - secs) : NaN;
    const bar = "█".repeat(filled) + "░".repeat(width - filled);
    const tail = Number.isFinite(eta) ? ` ${noteText(this.lang, "barLeft", { time: formatSeconds(eta) })}` : "";
    const pct = `${(f * 100).toFixed(0).padStart(3)}%`;
    const line = `${this.label} ${bar} ${this.lang === "ar" ? isolate(pct) : pct} ${detail}${tail}`;
    const cols = this.width();
    this.out.write(`\r${line.slice(0, cols - 1).padEnd(cols - 1)}`);
    this.drawn = true;
  }

  done(): void {
    if (this.enabled && this.drawn) this.out.write("\r" + " ".repeat(this.width() - 1) + "\r");
  }

  /** The terminal's width; a terminal that reports none, 0 or a nonsense width is taken as 80 columns. */
  private width(): number {
    const c = this.out.columns;
    return c !== undefined && Number.isFinite(c) && c >= 20 ? Math.floor(c) : 80;
  }
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(0)}s`;
  const m = Math.floor(s / 60);
  return m < 60
    ? `${m}m${String(Math.round(s % 60)).padStart(2, "0")}s`
    : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}
