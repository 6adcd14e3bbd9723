import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { RasdError } from "../../src/core/errors.js";
import { decodeBytes, encodingFromLabel, type Encoding } from "../../src/decode/decode.js";

/** Encodes text in a legacy 8-bit code page by inverting the platform's decoder (Node has no such encoders). */
function encode8bit(text: string, enc: "windows-1256" | "iso-8859-6"): Uint8Array {
  const dec = new TextDecoder(enc);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = dec.decode(new Uint8Array([b]));
    if (ch !== "\uFFFD" && !table.has(ch)) table.set(ch, b);
  }
  return Uint8Array.from(
    [...text].map((ch) => {
      const b = table.get(ch);
      if (b === undefined) throw new Error(`${ch} has no byte in ${enc}`);
      return b;
    }),
  );
}

// Invented sentences, our own words.
const ARABIC = "أعلنت الوزارة اليوم عن خطة جديدة لتطوير المدارس في المدينة، وقال المتحدث إن العمل سيبدأ قريبا.\n";

describe("decode", () => {
  test("valid UTF-8 is UTF-8", () => {
    const d = decodeBytes(new TextEncoder().encode(ARABIC), "a.txt");
    assert.equal(d.text, ARABIC);
    assert.equal(d.encoding, "utf-8");
  });

  test("a UTF-8 BOM is dropped", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(ARABIC)]);
    assert.deepEqual(decodeBytes(bytes, "a.txt"), { text: ARABIC, encoding: "utf-8", how: "bom" });
  });

  test("UTF-16 with a BOM, both byte orders", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARABIC, "utf16le")]);
    assert.equal(decodeBytes(le, "a.txt").text, ARABIC);
    const be = Buffer.from(le);
    be.swap16();
    assert.equal(decodeBytes(be, "a.txt").text, ARABIC);
    assert.equal(decodeBytes(be, "a.txt").encoding, "utf-16be");
  });

  for (const enc of ["windows-1256", "iso-8859-6"] as const) {
    test(`${enc} without a declaration is sniffed`, () => {
      const d = decodeBytes(encode8bit(ARABIC, enc), "a.txt");
      assert.equal(d.text, ARABIC);
      assert.equal(d.encoding, enc);
    });
  }

  test("an HTML meta charset is honoured when the bytes are not UTF-8", () => {
    const page = `<html><head><meta charset="windows-1256"><title>تجربة</title></head><body><p>${ARABIC}</p></body></html>`;
    const d = decodeBytes(encode8bit(page, "windows-1256"), "p.html", { html: true });
    assert.equal(d.text, page);
    assert.equal(d.how, "declared");
  });

  test("a wrong declared charset loses to valid UTF-8", () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6"></head><body>${ARABIC}</body></html>`;
    const d = decodeBytes(new TextEncoder().encode(page), "p.html", { html: true });
    assert.equal(d.text, page);
    assert.equal(d.encoding, "utf-8");
  });

  test("binary data is an error naming the file, never mojibake", () => {
    assert.throws(
      () => decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), "img.html"),
      (e: unknown) => {
        assert.ok(e instanceof RasdError);
        assert.equal(e.code, "DECODE");
        assert.match(e.message, /"img\.html"/);
        return true;
      },
    );
  });

  test("Latin-1 text is not taken for an Arabic code page", () => {
    const bytes = Buffer.from("Résumé: le café de l'été à Genève était très animé, déjà complet.", "latin1");
    assert.throws(() => decodeBytes(bytes, "fr.txt"), /--encoding/);
  });

  test("--encoding forces a reading, and an unknown name is a usage error", () => {
    const bytes = encode8bit(ARABIC, "iso-8859-6");
    assert.equal(decodeBytes(bytes, "a.txt", { forced: "ISO-8859-6" }).text, ARABIC);
    assert.throws(
      () => decodeBytes(bytes, "a.txt", { forced: "klingon" }),
      (e: unknown) => e instanceof RasdError && e.code === "USAGE",
    );
  });

  test("labels", () => {
    const cases: [string, Encoding | undefined][] = [
      ["UTF8", "utf-8"],
      ["cp1256", "windows-1256"],
      ["ISO_8859-6", "iso-8859-6"],
      ["latin1", undefined],
    ];
    for (const [label, enc] of cases) assert.equal(encodingFromLabel(label), enc, label);
  });

  test("property: any Unicode text encoded as UTF-8 decodes back exactly or is refused as binary", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) => {
        const bytes = new TextEncoder().encode(s);
        try {
          assert.equal(decodeBytes(bytes, "p.txt").text, s);
        } catch (e) {
          assert.ok(e instanceof RasdError, String(e));
        }
      }),
    );
  });
});
