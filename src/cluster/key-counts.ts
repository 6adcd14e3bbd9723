/**
 * Term key (`termKey`, 52 bits) → count, as an open-addressed table of doubles: [key + 1, count] in one slot, so a
 * lookup is one probe into one array (usually one cache line), where a Map of strings walks a bucket chain to an
 * entry and then compares the key's characters (each step another cache miss once the table holds a few hundred
 * thousand terms: counting an article's ~200 distinct terms was a tenth of clustering). It keeps no strings.
 *
 *   slot i:  [ key+1 | count ]      0 in the first half: empty      linear probing, grown ×2 past half full
 */
export class KeyCounts {
  private slots: Float64Array;
  private mask: number;
  private used = 0;

  constructor(capacity = 1 << 16) {
    const n = 2 ** Math.ceil(Math.log2(Math.max(16, capacity)));
    this.slots = new Float64Array(2 * n);
    this.mask = n - 1;
  }

  /** Keys held. */
  get size(): number {
    return this.used;
  }

  /** The count of `key`, 0 when absent. */
  get(key: number): number {
    const s = this.slots;
    const tag = key + 1;
    for (let i = (key >>> 0) & this.mask; ; i = (i + 1) & this.mask) {
      const t = s[2 * i]!;
      if (t === tag) return s[2 * i + 1]!;
      if (t === 0) return 0;
    }
  }

  /** Adds `k` to the count of `key`; returns the new count. */
  add(key: number, k: number): number {
    const s = this.slots;
    const tag = key + 1;
    for (let i = (key >>> 0) & this.mask; ; i = (i + 1) & this.mask) {
      const t = s[2 * i]!;
      if (t === tag) return (s[2 * i + 1]! += k);
      if (t === 0) {
        s[2 * i] = tag;
        s[2 * i + 1] = k;
        if (++this.used * 2 > this.mask + 1) this.grow();
        return k;
      }
    }
  }

  /** Every [key, count] held, in slot order (for a checkpoint of the counts). */
  *entries(): IterableIterator<[number, number]> {
    const s = this.slots;
    for (let i = 0; i < s.length; i += 2) if (s[i] !== 0) yield [s[i]! - 1, s[i + 1]!];
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.mask = old.length - 1;
    this.used = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.add(old[i]! - 1, old[i + 1]!);
  }
}
