import type { Readable } from "node:stream";

/** One line of a stream, or a line past the length limit (skipped, its length known only as "more than"). */
export type Line = { n: number; text: string } | { n: number; tooLong: true };

/** Raised when the stream decompresses past its total limit. */
export class StreamTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`more than ${bytes} bytes`);
  }
}

/**
 * The lines of a byte stream (UTF-8, `\n` or `\r\n`), never holding more than `maxLine` bytes of one line: a longer
 * line is skipped to its end and reported, so one huge record can neither exhaust memory nor hide the others.
 */
export async function* readLines(input: Readable, maxLine: number, maxTotal: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let held = 0;
  let skipping = false;
  let total = 0;
  let n = 0;
  const decoder = new TextDecoder("utf-8");
  const finish = (): Line => {
    n++;
    if (skipping) return { n, tooLong: true };
    const text = decoder.decode(Buffer.concat(parts, held)).replace(/\r$/u, "");
    return { n, text };
  };
  for await (const chunk of input as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxTotal) throw new StreamTooLarge(maxTotal);
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      if (!skipping && held + (nl - start) > maxLine) skipping = true;
      if (!skipping) {
        parts.push(chunk.subarray(start, nl));
        held += nl - start;
      }
      yield finish();
      parts = [];
      held = 0;
      skipping = false;
      start = nl + 1;
    }
    const rest = chunk.length - start;
    if (!skipping && held + rest > maxLine) {
      skipping = true;
      parts = [];
      held = 0;
    }
    if (!skipping && rest > 0) {
      parts.push(Buffer.from(chunk.subarray(start)));
      held += rest;
    }
  }
  if (held > 0 || skipping) yield finish();
}
