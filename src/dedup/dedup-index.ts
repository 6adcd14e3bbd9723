import { bandKeys, decodeSignature, encodeSignature, estimateJaccard } from "./minhash.js";

/** Near-duplicate detection's tunables (part of the clustering's `ClusterConfig`). */
export interface DedupConfig {
  /**
   * The estimated Jaccard similarity of word 3-shingles above which two texts are one text (an agency copy with
   * another headline, a dateline or a footer added). Default 0.6, range 0.4–0.95.
   */
  nearJaccard: number;
  /** Texts with fewer shingles than this are only ever exact copies: a MinHash of a few words says little. */
  minShingles: number;
}

export const DEFAULT_DEDUP: DedupConfig = { nearJaccard: 0.6, minShingles: 12 };
/** The defaults under their own names, for code that compares two texts the same way (summarize/copies.ts). */
export const NEAR_DUPLICATE_JACCARD = DEFAULT_DEDUP.nearJaccard;
export const MIN_SHINGLES_FOR_NEAR = DEFAULT_DEDUP.minShingles;

export type DuplicateKind = "exact" | "near";

export interface DuplicateMatch {
  /** The article it copies: the earliest original of the group. */
  original: string;
  kind: DuplicateKind;
  /** 1 for exact copies, the estimated Jaccard similarity for near copies. */
  similarity: number;
}

export interface DedupEntry {
  id: string;
  exactKey: string;
  sig: Uint32Array;
  shingles: number;
  /** Orders "earliest": publication day (or +∞ when unknown), then ingest order. */
  day: number | null;
  seq: number;
  /** The signature's band keys, made on first use (an article is checked and then indexed). */
  bands?: number[];
}

function bandsOf(e: Pick<DedupEntry, "sig" | "bands">): number[] {
  return (e.bands ??= bandKeys(e.sig));
}

/**
 * The in-memory index of every article's exact key and MinHash bands. It is a cache of what the store holds
 * (`dedup_signatures`), rebuilt from it on start; `check` never writes, `add` records an article and returns the
 * ids whose original changed (a copy seen before its original: the group is re-rooted on the earliest).
 */
export class DedupIndex {
  private readonly entries: DedupEntry[] = [];
  private readonly byExact = new Map<string, number>();
  private readonly buckets = new Map<number, number | number[]>();
  /** Entry index → index of its group's original; absent for an original. */
  private readonly rootOf = new Map<number, number>();
  private readonly members = new Map<number, number[]>();
  private readonly ids = new Map<string, number>();

  constructor(private readonly config: DedupConfig = DEFAULT_DEDUP) {}

  get size(): number {
    return this.entries.length;
  }

  /** The original `e` copies, or null. */
  check(e: Pick<DedupEntry, "exactKey" | "sig" | "shingles" | "bands">): DuplicateMatch | null {
    const exact = this.byExact.get(e.exactKey);
    if (exact !== undefined) return { original: this.entries[this.root(exact)]!.id, kind: "exact", similarity: 1 };
    if (e.shingles < this.config.minShingles) return null;
    let best = -1;
    let bestSim = 0;
    for (const key of bandsOf(e)) {
      const hit = this.buckets.get(key);
      if (hit === undefined) continue;
      for (const i of typeof hit === "number" ? [hit] : hit) {
        const other = this.entries[i]!;
        if (other.shingles < this.config.minShingles) continue;
        const sim = estimateJaccard(e.sig, other.sig);
        if (sim > bestSim) [best, bestSim] = [i, sim];
      }
    }
    if (best < 0 || bestSim < this.config.nearJaccard) return null;
    return { original: this.entries[this.root(best)]!.id, kind: "near", similarity: bestSim };
  }

  /**
   * Records `e`, a copy of `match.original` when `match` is given. Returns the re-linking this causes: when `e` is
   * earlier than the group's original, `e` becomes the original and every member (the old original included) is
   * listed with its new original.
   */
  add(e: DedupEntry, match: DuplicateMatch | null): { id: string; original: string | null }[] {
    const idx = this.index(e);
    if (match === null) return [];
    const root = this.indexOf(match.original);
    if (root < 0) return [];
    if (!earlier(e, this.entries[root]!)) {
      this.link(idx, root);
      return [];
    }
    // e is the new original: move the whole group under it.
    const group = [root, ...(this.members.get(root) ?? [])];
    this.members.delete(root);
    for (const m of group) this.link(m, idx);
    return group.map((m) => ({ id: this.entries[m]!.id, original: e.id }));
  }

  /**
   * Drops the entries that are old twice over: more than `idle` entries were added after them, and their day is more
   * than `days` before `newestDay` (or unknown). A copy group stays whole while any of its members is young. The
   * index is rebuilt from what is kept (a few tens of milliseconds for tens of thousands of entries; callers do it
   * every few thousand placements). Returns the entries dropped.
   */
  retireOld(newestDay: number | null, days: number, idle: number): number {
    const n = this.entries.length;
    const keep = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const day = this.entries[i]!.day;
      const old = day === null || newestDay === null || day < newestDay - days;
      if (i >= n - idle || !old) keep[this.root(i)] = 1;
    }
    let kept = 0;
    for (let i = 0; i < n; i++) if ((keep[i] = keep[this.root(i)]!) === 1) kept++;
    if (kept === n) return 0;
    const entries = this.entries.filter((_, i) => keep[i] === 1);
    const roots = new Map(entries.map((e, i) => [e.id, i]));
    const rootIds = entries.map((e) => this.entries[this.root(this.ids.get(e.id)!)]!.id);
    this.entries.length = 0;
    for (const m of [this.byExact, this.buckets, this.rootOf, this.members, this.ids]) m.clear();
    entries.forEach((e, i) => {
      this.index(e);
      const root = roots.get(rootIds[i]!)!;
      if (root !== i) this.link(i, root);
    });
    return n - kept;
  }

  /** Whether `id` is held. */
  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Every entry and copy link, exactly (a checkpoint of the clustering memory, src/cluster/snapshot.ts). */
  exportState(): DedupState {
    return {
      entries: this.entries.map((e) => [e.id, e.exactKey, encodeSignature(e.sig), e.shingles, e.day, e.seq]),
      rootOf: [...this.rootOf],
      members: [...this.members],
    };
  }

  /** Loads a checkpoint into this (empty) index. */
  importState(s: DedupState): void {
    if (this.entries.length > 0) throw new Error("rasd: dedup: a checkpoint loads into an empty index only");
    for (const [id, exactKey, sig, shingles, day, seq] of s.entries) {
      this.index({ id, exactKey, sig: decodeSignature(sig), shingles, day, seq });
    }
    for (const [m, r] of s.rootOf) this.rootOf.set(m, r);
    for (const [r, list] of s.members) this.members.set(r, [...list]);
  }

  /** Appends `e` and indexes its exact key and bands; returns its index. */
  private index(e: DedupEntry): number {
    const idx = this.entries.length;
    this.entries.push(e);
    this.ids.set(e.id, idx);
    if (!this.byExact.has(e.exactKey)) this.byExact.set(e.exactKey, idx);
    for (const key of bandsOf(e)) {
      const hit = this.buckets.get(key);
      if (hit === undefined) this.buckets.set(key, idx);
      else if (typeof hit === "number") this.buckets.set(key, [hit, idx]);
      else hit.push(idx);
    }
    return idx;
  }

  private indexOf(id: string): number {
    return this.ids.get(id) ?? -1;
  }

  private link(member: number, root: number): void {
    this.rootOf.set(member, root);
    const list = this.members.get(root);
    if (list) list.push(member);
    else this.members.set(root, [member]);
  }

  private root(i: number): number {
    return this.rootOf.get(i) ?? i;
  }
}

export interface DedupState {
  /** id, exact key, signature (`encodeSignature`), shingles, day, seq. */
  entries: [string, string, string, number, number | null, number][];
  rootOf: [number, number][];
  members: [number, number[]][];
}

function earlier(a: DedupEntry, b: DedupEntry): boolean {
  const da = a.day ?? Number.POSITIVE_INFINITY;
  const db = b.day ?? Number.POSITIVE_INFINITY;
  return da !== db ? da < db : a.seq < b.seq;
}
