/**
 * Decoding speed: the 90 Zyte pages (UTF-8 HTML, the common case) and the files of ../shared/corpus/charsets (legacy
 * encodings, declared or detected). Prints MB/s and files/s, median of 5 rounds.
 * Run: npx tsx bench/decode.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { corpusPath } from "../src/core/paths.js";
import { decodeBytes } from "../src/decode/decode.js";
import { charsetFiles, CHARSETS } from "../test/decode/charset-corpus.js";

const zyteDir = corpusPath("extraction", "zyte", "html");
const zyte = readdirSync(zyteDir)
  .filter((f) => f.endsWith(".gz"))
  .map((f) => ({ name: f, bytes: gunzipSync(readFileSync(join(zyteDir, f))) }));
const legacy = charsetFiles().map((f) => ({ name: f.path, bytes: readFileSync(join(CHARSETS, f.path)) }));

function round(files: { name: string; bytes: Uint8Array }[]): number {
  const t = performance.now();
  for (const f of files) {
    try {
      decodeBytes(f.bytes, f.name, { html: /html/u.test(f.name) });
    } catch {
      // refusals count as work done
    }
  }
  return performance.now() - t;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

console.log("| set | files | MB | ms (median of 5) | MB/s | files/s |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const [name, files] of [
  ["Zyte pages (UTF-8 HTML)", zyte],
  ["charsets corpus (legacy, declared or detected)", legacy],
] as const) {
  round(files);
  const ms = median(Array.from({ length: 5 }, () => round(files)));
  const mb = files.reduce((a, f) => a + f.bytes.length, 0) / 1e6;
  console.log(
    `| ${name} | ${files.length} | ${mb.toFixed(1)} | ${ms.toFixed(0)} | ${(mb / (ms / 1000)).toFixed(1)} | ${(files.length / (ms / 1000)).toFixed(0)} |`,
  );
}
