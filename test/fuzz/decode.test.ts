import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import fc from "fast-check";
import { ENCODINGS, decodeBytes, encodingFromLabel } from "../../src/decode/decode.js";
import { corpus, type Page } from "./corpus.js";
import { Counter, assertClearRejection, params } from "./harness.js";
import { byteOps, mutateBytes } from "./mutate.js";

/** The reverse of an 8-bit code page, built from the platform's own decoder. */
function encoder(enc: "windows-1256" | "iso-8859-6"): (s: string) => Uint8Array {
  const back = new Map<string, number>();
  const dec = new TextDecoder(enc);
  for (let b = 0; b < 256; b++) {
    const ch = dec.decode(new Uint8Array([b]));
    if (ch !== "\ufffd" && !back.has(ch)) back.set(ch, b);
  }
  return (s) => Uint8Array.from([...s].map((c) => back.get(c) ?? 0x3f));
}

const LABELS = [...ENCODINGS, "UTF8", " cp1256 ", "latin1", "klingon", "", "utf-32"];
const BOUND_MS = 3000;
let pages: Page[] = [];

before(async () => {
  const c = await corpus();
  pages = [...c.seeds, ...c.html.slice(0, 12)];
});

/** Decodes, and checks the outcome is text in a known encoding or a clear rejection naming the input. */
function check(counter: Counter, bytes: Uint8Array, name: string, opts: { forced?: string; html?: boolean }): void {
  try {
    const d = counter.time(() => decodeBytes(bytes, name, opts), BOUND_MS, name);
    assert.equal(encodingFromLabel(d.encoding), d.encoding, `${d.encoding} is an encoding rasd decodes`);
    assert.equal(typeof d.text, "string");
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    counter.rejected++;
    assertClearRejection(e, name, ["DECODE", "USAGE"]);
  }
}

describe("fuzz: decodeBytes", () => {
  it("mutated real pages (UTF-8, windows-1256, ISO-8859-6) decode or are refused with the file named", (t) => {
    const counter = new Counter("decode/mutated-pages");
    const enc1256 = encoder("windows-1256");
    const enc8859 = encoder("iso-8859-6");
    fc.assert(
      fc.property(
        fc.nat(),
        fc.constantFrom("utf-8", "windows-1256", "iso-8859-6"),
        byteOps,
        fc.boolean(),
        (i, enc, list, html) => {
          const page = pages[i % pages.length]!;
          const text = page.text.slice(0, 60_000);
          const bytes =
            enc === "utf-8" ? new TextEncoder().encode(text) : enc === "windows-1256" ? enc1256(text) : enc8859(text);
          check(counter, mutateBytes(bytes, list), page.name, { html });
        },
      ),
      params(300),
    );
    t.diagnostic(counter.line());
  });

  it("arbitrary bytes, forced labels and odd file names never crash", (t) => {
    const counter = new Counter("decode/arbitrary");
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.option(fc.constantFrom(...LABELS), { nil: undefined }),
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (bytes, forced, name, html) =>
          check(counter, bytes, name, { html, ...(forced !== undefined ? { forced } : {}) }),
      ),
      params(1000),
    );
    t.diagnostic(counter.line());
  });

  it("an unmutated page round-trips through each encoding it can be written in", () => {
    const enc1256 = encoder("windows-1256");
    for (const page of pages.filter((p) => p.name.startsWith("seeds/"))) {
      const text = page.text.slice(0, 20_000);
      assert.equal(decodeBytes(new TextEncoder().encode(text), page.name).text, text);
      // The seeds hold characters windows-1256 lacks (they become "?"), so compare with what was actually encoded.
      const bytes = enc1256(text);
      assert.equal(decodeBytes(bytes, page.name).text, new TextDecoder("windows-1256").decode(bytes), page.name);
    }
  });
});
