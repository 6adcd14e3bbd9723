// Every real file of ../shared/corpus/charsets (20+ encodings, their true encoding in manifest.tsv): decoded to the
// true text or refused with a message naming it, never silently wrong. scripts/charset-eval.ts prints the tables.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { charsetFiles, decodeFile, type Result } from "./charset-corpus.js";

const files = charsetFiles();

/**
 * Files whose true encoding rasd decodes but that are refused even with that encoding forced, and why.
 * ricanet.com.xml: its cp949 bytes hold sequences outside the WHATWG euc-kr (UHC) index, which TextDecoder refuses.
 */
const FORCED_EXCEPTIONS = new Map([["chardet/CP949/ricanet.com.xml", "bytes outside the WHATWG euc-kr index"]]);

describe("charsets: real files in 20+ encodings", { skip: files.length === 0 && "../shared/corpus absent" }, () => {
  let asIs: Result[] = [];

  test("as they are (declarations honoured): right or refused with the file named, never wrong", () => {
    asIs = files.map((f) => decodeFile(f, "as-is"));
    const wrong = asIs.filter((r) => r.outcome === "WRONG").map((r) => `${r.file.path} → ${r.detail}`);
    assert.deepEqual(wrong, [], "silent mis-decodings");
    for (const r of asIs) if (r.outcome === "refused") assert.ok(r.detail.includes(`"${r.file.path}"`), r.detail);
    for (const r of asIs.filter((x) => x.file.enc === null))
      assert.equal(r.outcome, "refused", `${r.file.path} is in ${r.file.codec}, which rasd does not decode`);
    const decodable = asIs.filter((r) => r.file.enc !== null);
    const right = decodable.filter((r) => r.outcome === "right").length;
    assert.ok(right >= 0.97 * decodable.length, `${right} of ${decodable.length} decodable files right`);
  });

  test("with their declarations blanked (detection alone): never wrong", () => {
    const wrong = files
      .map((f) => decodeFile(f, "undeclared"))
      .filter((r) => r.outcome === "WRONG")
      .map((r) => `${r.file.path} → ${r.detail}`);
    assert.deepEqual(wrong, []);
  });

  test("every encoding Node can decode is decoded: each file right with its encoding given", () => {
    const missed: string[] = [];
    for (const f of files.filter((x) => x.enc !== null && !FORCED_EXCEPTIONS.has(x.path))) {
      const r = decodeFile(f, "forced");
      if (r.outcome !== "right") missed.push(`${f.path} [${f.enc}] → ${r.outcome}: ${r.detail}`);
    }
    assert.deepEqual(missed, []);
    const encodings = new Set(files.filter((f) => f.enc !== null).map((f) => f.enc));
    assert.ok(encodings.size >= 20, `${encodings.size} encodings`);
  });
});
