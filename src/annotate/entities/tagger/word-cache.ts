/**
 * A bounded cache in two generations: lookups hit the young map, then the old one (a hit there moves the entry to
 * the young map); when the young map is full it becomes the old one and the previous old one is dropped. Frequent
 * words stay across the switch, so a vocabulary larger than one generation (news text has tens of thousands of word
 * forms) costs rebuilds of rare words only, and memory stays under two generations.
 */
export class GenerationCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  /** `generation`: entries per generation (default 40,000, at least 1). */
  constructor(
    private readonly make: (key: string) => V,
    private readonly generation = 40_000,
  ) {}

  get(key: string): V {
    let v = this.young.get(key);
    if (v !== undefined) return v;
    v = this.old.get(key);
    if (v === undefined) v = this.make(key);
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, v);
    return v;
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
