import type { DocFreq } from "./df.js";

/**
 * Document frequencies of entity ids (how many articles name each entity), beside the terms' `DocFreq`: an entity's
 * idf is its own, not its name's words' (بروكسل the city and بروكسل in an organisation's name are two entities).
 * `idf` answers for entity ids (`e:` keys and bare ids both) and falls back to the terms' table for anything else.
 */
export class EntityFreq {
  private readonly counts = new Map<string, number>();
  private docs = 0;

  constructor(private readonly terms: DocFreq) {}

  /** Counts one document naming `ids` (distinct entity ids). */
  observe(ids: readonly string[]): void {
    this.docs++;
    for (const id of ids) this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }

  /** Counts another process observed (a batch's counts from the clustering log), applied as they were there. */
  observeCounts(entities: readonly (readonly [string, number])[], docs: number): void {
    this.docs += docs;
    for (const [e, k] of entities) this.counts.set(e, (this.counts.get(e) ?? 0) + k);
  }

  /** The counts, exactly (a checkpoint, src/cluster/snapshot.ts). */
  exportState(): { docs: number; counts: [string, number][] } {
    return { docs: this.docs, counts: [...this.counts] };
  }

  importState(s: { docs: number; counts: [string, number][] }): void {
    this.docs = s.docs;
    this.counts.clear();
    for (const [e, n] of s.counts) this.counts.set(e, n);
  }

  /** Idf of an entity id, or of a term (the terms' table) when the key is not an entity seen so far. */
  idf(key: string): number {
    const n = this.counts.get(key.startsWith("e:") ? key.slice(2) : key);
    if (n !== undefined) return Math.log(1 + (this.docs + 1) / (n + 1));
    return this.terms.idf(key);
  }
}
