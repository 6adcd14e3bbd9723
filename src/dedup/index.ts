export { DedupIndex, DEFAULT_DEDUP, NEAR_DUPLICATE_JACCARD, MIN_SHINGLES_FOR_NEAR } from "./dedup-index.js";
export type { DedupConfig, DedupEntry, DuplicateKind, DuplicateMatch } from "./dedup-index.js";
export {
  signature,
  estimateJaccard,
  bandKeys,
  encodeSignature,
  decodeSignature,
  NUM_HASHES,
  BANDS,
  ROWS,
} from "./minhash.js";
export { shingleHashes, shinglesOfWords, identityWords, SHINGLE_WORDS } from "./shingles.js";
