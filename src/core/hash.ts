import xxhash from "xxhash-wasm";

type Hasher = Awaited<ReturnType<typeof xxhash>>;
let ready: Promise<Hasher> | undefined;
let hasher: Hasher | undefined;

/** Loads xxhash-wasm once (it instantiates a WebAssembly module); every later call is synchronous. */
export async function loadHasher(): Promise<void> {
  ready ??= xxhash();
  hasher = await ready;
}

/** 64-bit xxHash of a string as 16 hex digits. `loadHasher()` must have been awaited once in this process. */
export function hash64(text: string): string {
  if (hasher === undefined) throw new Error("rasd: hash64 called before loadHasher(); await loadHasher() at start-up");
  return hasher.h64ToString(text);
}

/** 64-bit xxHash as a bigint, for MinHash and other arithmetic uses. */
export function hash64n(text: string, seed = 0n): bigint {
  if (hasher === undefined) throw new Error("rasd: hash64n called before loadHasher(); await loadHasher() at start-up");
  return hasher.h64(text, seed);
}

/** 32-bit xxHash, the cheapest hash for shingles. */
export function hash32(text: string, seed = 0): number {
  if (hasher === undefined) throw new Error("rasd: hash32 called before loadHasher(); await loadHasher() at start-up");
  return hasher.h32(text, seed);
}
