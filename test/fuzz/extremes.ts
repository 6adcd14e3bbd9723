/**
 * The extreme inputs: what no generator stumbles on by chance but a broken scraper produces on a bad day. Each is
 * built from invented text (no corpus text), sized past the guards the extractors set (MAX_HTML_CHARS,
 * MAX_TEXT_CHARS, MAX_DEPTH, MAX_ELEMENTS), and run by bounded.ts in a worker with a time and a heap limit.
 */

export interface Extreme {
  name: string;
  target: "html" | "text" | "decode" | "annotate" | "analyze" | "jsonl";
  /** What it is, for the test's name and docs/reliability.md. */
  what: string;
  build(): string | Uint8Array;
}

/** What came out: the article's text length and block count (or counts of what was found), and its diagnostics. */
export interface ExtremeSummary {
  text: number;
  blocks: number;
  rules: string[];
}

export interface ExtremeResult {
  outcome: "ok" | "rejected" | "crashed";
  ms: number;
  code?: string;
  message?: string;
  summary?: ExtremeSummary;
}

/** An invented Arabic news paragraph (about 300 characters), with a date and figures in it. */
const PARA =
  "قال المتحدث باسم الوزارة يوم الأحد 15 ديسمبر 2015 إن عدد الزوار بلغ نحو 40 ألف شخص خلال الأسبوع الماضي، " +
  "بزيادة قدرها 12 في المئة عن العام السابق، وأضاف أن الحكومة خصصت 3.5 مليون دولار لتطوير المرافق العامة في المدينة " +
  "القديمة، مشيرا إلى أن الأعمال ستنتهي في ربيع العام المقبل.";

const MB = 1024 * 1024;

function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

export const EXTREMES: readonly Extreme[] = [
  {
    name: "html-50mb",
    target: "html",
    what: "a 50 MB HTML page (UTF-8 bytes, 160,000 paragraphs)",
    build: () =>
      new TextEncoder().encode(
        `<html><head><title>عنوان</title></head><body>${repeatTo(`<p>${PARA}</p>\n`, 25 * MB)}</body></html>`,
      ),
  },
  {
    name: "html-deep-100k",
    target: "html",
    what: "100,000 nested <div> elements around one paragraph",
    build: () => `<html><body>${"<div>".repeat(100_000)}<p>${PARA}</p>${"</div>".repeat(100_000)}</body></html>`,
  },
  {
    name: "html-unclosed-100k",
    target: "html",
    what: "100,000 nested elements never closed, page cut mid-tag",
    build: () => `<html><body>${`<span><b><i><div>${PARA.slice(0, 20)}`.repeat(25_000)}<p class="x`,
  },
  {
    name: "html-wide-200k",
    target: "html",
    what: "200,000 sibling paragraphs (about 2.4 MB)",
    build: () => `<html><body><article>${"<p>نص قصير</p>".repeat(200_000)}</article></body></html>`,
  },
  {
    name: "html-one-tag-5mb",
    target: "html",
    what: "one tag with 5 MB of attributes, and an unclosed comment, script and quote",
    build: () =>
      `<html><body><div ${'a="b" '.repeat(800_000)}><p>${PARA}</p><!-- <script>var x = "${"<".repeat(100_000)}`,
  },
  {
    name: "html-surrogates-controls",
    target: "html",
    what: "4 MB of lone surrogates, control characters and bidi overrides between paragraphs",
    build: () => `<html><body>${repeatTo(`<p>${PARA}\ud800\u202e\u0007\udfff\u001b[2J</p>`, 4 * MB)}</body></html>`,
  },
  {
    name: "text-10mb-line",
    target: "text",
    what: "a scraped text file that is one 10 MB line",
    build: () => repeatTo(`${PARA} `, 10 * MB),
  },
  {
    name: "text-1m-lines",
    target: "text",
    what: "a text file of one million short lines",
    build: () => "سطر ١٢\n".repeat(1_000_000),
  },
  {
    name: "decode-50mb-binary",
    target: "decode",
    what: "50 MB of pseudo-random bytes with no NUL (the decoder's worst case: every encoding tried)",
    build: () => {
      const b = new Uint8Array(50 * MB);
      let s = 12345;
      for (let i = 0; i < b.length; i++) {
        s = (s * 1103515245 + 12345) >>> 0;
        b[i] = 1 + ((s >>> 24) % 255);
      }
      return b;
    },
  },
  {
    // Annotation is linear (about 7 µs a character on one core): 1 MB here; a 10 MB line takes ten times as long.
    name: "annotate-1mb-line",
    target: "annotate",
    what: "`rasd annotate` on one 1 MB line full of dates and figures",
    build: () => repeatTo(`${PARA} `, MB),
  },
  {
    name: "analyze-10mb-line",
    target: "analyze",
    what: "tokenising, stemming and sentence splitting of one 10 MB line",
    build: () => repeatTo(`${PARA} `, 10 * MB),
  },
  {
    name: "jsonl-10mb-record",
    target: "jsonl",
    what: "a JSON Lines file whose one record is a 10 MB line",
    build: () =>
      JSON.stringify({ url: "http://example.test/a", title: "عنوان", text: repeatTo(`${PARA}\n`, 10 * MB) }) + "\n",
  },
];
