/**
 * Real pages from ../shared/corpus, read at test time (never copied into the project): the seeds (scraped text),
 * Zyte's English pages (gzipped HTML), the CNN Arabic and Assabah pages, and the first records of the two streams.
 */
import { createReadStream, readFileSync, readdirSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip, gunzipSync } from "node:zlib";
import { corpusPath } from "../../src/core/paths.js";

export interface Page {
  name: string;
  text: string;
}

let cache: { seeds: Page[]; html: Page[]; records: string[] } | undefined;

function seeds(): Page[] {
  const dir = corpusPath("seeds");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ name: `seeds/${f}`, text: readFileSync(`${dir}/${f}`, "utf8") }));
}

/** Arabic pages first (the ones rasd is for), then every Zyte page. */
function htmlPages(): Page[] {
  const out: Page[] = [];
  const fixed = [
    "extraction/cnn-arabic/newspaper4k/arabic_article.html",
    "extraction/cnn-arabic/goose3/test_cnn_arabic.html",
    "extraction/assabah/assabah.com.tn.article.html",
  ];
  for (const f of fixed) out.push({ name: f, text: readFileSync(corpusPath(f), "utf8") });
  for (const d of readdirSync(corpusPath("extraction", "readability-rtl"), { withFileTypes: true })) {
    if (d.isDirectory())
      out.push({
        name: `readability-rtl/${d.name}`,
        text: readFileSync(corpusPath("extraction", "readability-rtl", d.name, "source.html"), "utf8"),
      });
  }
  const zyte = corpusPath("extraction", "zyte", "html");
  for (const f of readdirSync(zyte)
    .filter((x) => x.endsWith(".html.gz"))
    .sort()) {
    out.push({ name: `zyte/${f.slice(0, 12)}`, text: gunzipSync(readFileSync(`${zyte}/${f}`)).toString("utf8") });
  }
  return out;
}

/** The first `n` lines of a gzipped JSON Lines stream, read lazily (the files hold 31,000 records each). */
async function firstLines(file: string, n: number): Promise<string[]> {
  const stream = createReadStream(file);
  const lines = createInterface({ input: stream.pipe(createGunzip()), crlfDelay: Infinity });
  const out: string[] = [];
  try {
    for await (const l of lines) {
      if (l.trim() !== "") out.push(l);
      if (out.length >= n) break;
    }
  } finally {
    lines.close();
    stream.destroy();
  }
  return out;
}

/** The real data the fuzz tests mutate, loaded once per process. */
export async function corpus(): Promise<{ seeds: Page[]; html: Page[]; records: string[] }> {
  if (cache !== undefined) return cache;
  const records = [
    ...(await firstLines(corpusPath("streams", "saudinewsnet.jsonl.gz"), 60)),
    ...(await firstLines(corpusPath("streams", "ant-multisource.jsonl.gz"), 60)),
  ];
  cache = { seeds: seeds(), html: htmlPages(), records };
  return cache;
}

/** `n` records from a stream, as JSON Lines (for soak and fault tests that need a realistic input file). */
export async function streamRecords(
  n: number,
  stream: "saudinewsnet" | "ant-multisource" = "saudinewsnet",
): Promise<string[]> {
  return firstLines(corpusPath("streams", `${stream}.jsonl.gz`), n);
}
