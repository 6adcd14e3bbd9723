import { hash64 } from "../core/hash.js";
import { TextMemo } from "../core/text-memo.js";
import type { DedupEntry } from "../dedup/dedup-index.js";
import { bandKeys, signature } from "../dedup/minhash.js";
import { identityWords, shinglesOfWords } from "../dedup/shingles.js";

/** What dedup compares of an article's text: its exact key and its MinHash signature with the signature's bands. */
export type TextIdentity = Pick<DedupEntry, "exactKey" | "sig" | "shingles" | "bands">;

/**
 * The text's identity for dedup. It needs nothing but the text, so the ingest hook makes it before the storing
 * transaction, outside the ingest lock (hook.ts); `Clusterer.place` makes it itself when not given.
 */
export function textIdentity(text: string): TextIdentity {
  // One pass of identity normalisation serves both the exact key and the shingles.
  const words = identityWords(text);
  const joined = words.join(" ");
  const shingles = shinglesOfWords(words, joined);
  const sig = signature(shingles);
  return { exactKey: hash64(joined), sig, shingles: shingles.length, bands: bandKeys(sig) };
}

/** Texts whose identity is remembered, in characters: as memoTerms, about two batches with room to spare. */
const IDENTITY_MEMO_CHARS = 4_000_000;
const identities = new TextMemo<TextIdentity>(IDENTITY_MEMO_CHARS);

/**
 * `textIdentity(text)`, remembered for the last few million characters of text: the stage threads make it
 * (analysis-stage.ts) and the ingest hook's `prepare` finds it here. The result is shared: never change it.
 */
export function memoIdentity(text: string): TextIdentity {
  return identities.get(text, textIdentity);
}

/** Remembers an identity made elsewhere (a stage thread) as `memoIdentity(text)`'s answer: it must be `textIdentity(text)`. */
export function rememberIdentity(text: string, identity: TextIdentity): void {
  identities.set(text, identity);
}
