import type { Article } from "../../core/types.js";
import type { Segment } from "./resolve.js";
import { keepArticleTokens, type Token } from "./text.js";

/**
 * A recognised segment as it crosses from a stage thread to the thread that links (pipeline/pool.ts): its tokens
 * in columns instead of one object per token, and without its text, which the article carries anyway. Structured
 * clone copies objects one by one: a SaudiNewsNet article's tokens as objects cost the receiving thread about
 * 0.4 ms to read back, in columns a few hundredths (bench/ingest.ts, docs/scale.md).
 */
export interface PackedSegment {
  english: boolean;
  block?: number;
  candidates: Segment["candidates"];
  related: Segment["related"];
  starts: Int32Array;
  ends: Int32Array;
  /** Per token: 1 for a word, 2 for Latin script. */
  flags: Uint8Array;
  /** Every token's `norm`, one after the other; `normEnds` says where each ends. */
  norms: string;
  normEnds: Int32Array;
}

const WORD = 1;
const LATIN = 2;

export function packSegments(segs: readonly Segment[]): PackedSegment[] {
  return segs.map((s) => {
    const n = s.tokens.length;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    const flags = new Uint8Array(n);
    const normEnds = new Int32Array(n);
    const norms: string[] = [];
    let at = 0;
    s.tokens.forEach((t, i) => {
      starts[i] = t.start;
      ends[i] = t.end;
      flags[i] = (t.word ? WORD : 0) | (t.latin ? LATIN : 0);
      norms.push(t.norm);
      at += t.norm.length;
      normEnds[i] = at;
    });
    const packed: PackedSegment = {
      english: s.english,
      candidates: s.candidates,
      related: s.related,
      starts,
      ends,
      flags,
      norms: norms.join(""),
      normEnds,
    };
    if (s.block !== undefined) packed.block = s.block;
    return packed;
  });
}

/**
 * The segments again, for `article` (the one they were recognised in: its text and captions are the segments'
 * texts). The clean text's tokens are also kept as the article's (articleTokens), so the quotes stage after
 * linking does not tokenise the text a second time in this thread.
 */
export function unpackSegments(packed: readonly PackedSegment[], article: Article): Segment[] {
  return packed.map((p) => {
    const text = p.block === undefined ? article.text : article.blocks[p.block]!.text;
    const tokens: Token[] = new Array<Token>(p.starts.length);
    let from = 0;
    for (let i = 0; i < tokens.length; i++) {
      const start = p.starts[i]!;
      const end = p.ends[i]!;
      const to = p.normEnds[i]!;
      const f = p.flags[i]!;
      tokens[i] = {
        text: text.slice(start, end),
        start,
        end,
        norm: p.norms.slice(from, to),
        word: (f & WORD) !== 0,
        latin: (f & LATIN) !== 0,
      };
      from = to;
    }
    if (p.block === undefined) keepArticleTokens(article, tokens);
    const s: Segment = { text, tokens, english: p.english, candidates: p.candidates, related: p.related };
    if (p.block !== undefined) s.block = p.block;
    return s;
  });
}
