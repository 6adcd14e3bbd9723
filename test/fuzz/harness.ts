/**
 * What every fuzz test shares: how many inputs to try (RASD_FUZZ_RUNS), a tally of the inputs tried that the tests
 * print, a time bound per call, and the one shape a rejection may take (a RasdError whose message names the input).
 */
import assert from "node:assert/strict";
import { appendFileSync } from "node:fs";
import { RasdError } from "../../src/core/errors.js";

/**
 * Runs of a property: `base` by default (sized so the whole fuzz suite stays within a few minutes on 2 cores), or
 * RASD_FUZZ_RUNS for every property when set (`RASD_FUZZ_RUNS=5000 node --test dist/test/fuzz/` for a long run).
 */
export function runs(base: number): number {
  const env = Number(process.env["RASD_FUZZ_RUNS"]);
  return Number.isInteger(env) && env > 0 ? env : base;
}

/** The seed CI uses, so that its verdict is reproducible; exploring new inputs is for developers' runs. */
const CI_SEED = 20261121;

/**
 * The seed of this process's properties: RASD_FUZZ_SEED to replay a failure; under CI a fixed seed (the gate must
 * not turn red at random on inputs nobody can reproduce); otherwise random, to keep exploring (fast-check prints
 * the seed of any failure).
 */
export function seed(): number | undefined {
  const raw = process.env["RASD_FUZZ_SEED"];
  const env = raw === undefined || raw === "" ? NaN : Number(raw);
  if (Number.isInteger(env)) return env;
  return process.env["CI"] ? CI_SEED : undefined;
}

/** fast-check parameters for a property with `base` runs. */
export function params(base: number): { numRuns: number; seed?: number } {
  const s = seed();
  return { numRuns: runs(base), ...(s !== undefined ? { seed: s } : {}) };
}

export interface Tally {
  name: string;
  inputs: number;
  rejected: number;
  slowestMs: number;
}

/** Counts inputs and the slowest call of one fuzz target. */
export class Counter implements Tally {
  inputs = 0;
  rejected = 0;
  slowestMs = 0;
  constructor(readonly name: string) {}

  /** Runs `fn` on one input, timing it; a call slower than `limitMs` is a failure (a hang in the making). */
  time<T>(fn: () => T, limitMs: number, what = "input"): T {
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      this.after(t0, limitMs, what);
    }
  }

  async timeAsync<T>(fn: () => Promise<T>, limitMs: number, what = "input"): Promise<T> {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      this.after(t0, limitMs, what);
    }
  }

  private after(t0: number, limitMs: number, what: string): void {
    const ms = performance.now() - t0;
    this.inputs++;
    if (ms > this.slowestMs) this.slowestMs = ms;
    assert.ok(ms <= limitMs, `${this.name}: one call took ${Math.round(ms)} ms (bound ${limitMs} ms) on ${what}`);
  }

  /** One line for the test output; also appended to RASD_FUZZ_TALLY (JSON Lines) when set, for docs/reliability.md. */
  line(): string {
    const tally: Tally = {
      name: this.name,
      inputs: this.inputs,
      rejected: this.rejected,
      slowestMs: Math.round(this.slowestMs),
    };
    const file = process.env["RASD_FUZZ_TALLY"];
    if (file) appendFileSync(file, JSON.stringify(tally) + "\n");
    return `fuzz ${this.name}: ${this.inputs} inputs tried, ${this.rejected} rejected with a clear error, slowest call ${tally.slowestMs} ms`;
  }
}

/**
 * A rejection is only ever a RasdError with a known code whose message quotes the input's name and is one line
 * without a stack; anything else thrown is a crash.
 */
export function assertClearRejection(e: unknown, input: string, codes: readonly RasdError["code"][]): void {
  if (!(e instanceof RasdError)) {
    const msg = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}` : String(e);
    assert.fail(`crash on "${input}" (not a RasdError): ${msg}`);
  }
  assert.ok(codes.includes(e.code), `unexpected error code ${e.code} on "${input}": ${e.message}`);
  assert.ok(e.message.includes(input), `the message does not name the input "${input}": ${e.message}`);
  assert.ok(!e.message.includes("\n"), `the message spans several lines: ${e.message}`);
  assert.ok(e.message.length < 600, `the message is ${e.message.length} characters long`);
}

/** Offsets `start`/`end` of an annotation are inside `text` and slice back to what it says it found. */
export function assertSpan(text: string, a: { start: number; end: number; text?: string }, what: string): void {
  assert.ok(Number.isInteger(a.start) && Number.isInteger(a.end), `${what}: offsets are not integers`);
  assert.ok(
    a.start >= 0 && a.start <= a.end && a.end <= text.length,
    `${what}: offsets ${a.start}..${a.end} outside 0..${text.length}`,
  );
  if (a.text !== undefined)
    assert.equal(text.slice(a.start, a.end), a.text, `${what}: offsets do not slice back to its text`);
}
