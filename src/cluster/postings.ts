/**
 * A bounded inverted index from a key (an analysed term, an entity id) to the groups (stories, topics) posted under
 * it. Each key keeps two short lists: per time bucket (week) and most-recent overall; both are capped, so a lookup
 * costs the same with a hundred groups or a million (a key as common as a stopword simply stops being a good
 * retriever, which is what its idf says anyway).
 *
 *   "بركسل":  recent [s42, s17, s9 …≤ cap]   week 2406 [s17, s42]   week 2407 [s42]
 *   "e:nato": recent [s42, s3]                week 2406 [s42]
 *
 * A key's lists hang together, so a post or a look-up finds them with one lookup of the key. Old weeks leave memory
 * together (`sweep`): an index over an endless stream holds the weeks still looked up, not every week it ever saw.
 */
export class Postings {
  /** Key → its lists: one lookup per key for a post or a look-up, whatever the weeks it reads. */
  private readonly keys = new Map<string, KeyLists>();
  /** Week → `clock` when last posted to (see `sweep`). */
  private readonly weeks = new Map<number, number>();
  /** Placements so far, set by the owner: when a week was last posted to (see `sweep`). */
  clock = 0;

  constructor(
    private readonly cap = 48,
    private readonly bucketDays = 7,
  ) {}

  /**
   * Posts `group` under `key` for each week of [first, last] (the last 8 when it spans more: a long-running group
   * is looked for near its latest articles), and in the key's recent list.
   */
  post(key: string, group: number, first: number | null, last: number | null): void {
    let k = this.keys.get(key);
    if (k === undefined) this.keys.set(key, (k = { recent: [], weekIds: [], lists: [] }));
    pushCapped(k.recent, group, this.cap);
    if (first === null || last === null) return;
    const b1 = Math.floor(last / this.bucketDays);
    const b0 = Math.max(Math.floor(first / this.bucketDays), b1 - 7);
    for (let b = b0; b <= b1; b++) {
      this.weeks.set(b, this.clock);
      let at = k.weekIds.lastIndexOf(b);
      if (at < 0) {
        k.weekIds.push(b);
        k.lists.push([]);
        at = k.lists.length - 1;
      }
      pushCapped(k.lists[at]!, group, this.cap);
    }
  }

  /**
   * Looks `key` up near `day` (its week and the two beside it, then its recent list; the recent list alone when
   * undated): adds `w` to `weight[g]` for every group g found (once per list it is in) and lists in `hit` the groups
   * whose weight was 0 before. No call per posting: a candidate search reads a few thousand.
   */
  accumulate(key: string, day: number | null, w: number, weight: Float64Array, hit: number[]): void {
    const k = this.keys.get(key);
    if (k === undefined) return;
    if (day !== null) {
      const b = Math.floor(day / this.bucketDays);
      const ids = k.weekIds;
      for (let i = 0; i < ids.length; i++) {
        const x = ids[i]!;
        if (x >= b - 1 && x <= b + 1) add(k.lists[i]!, w, weight, hit);
      }
    }
    // Undated groups have no week: the recent list is where they are found (and all an undated lookup reads).
    add(k.recent, w, weight, hit);
  }

  /**
   * Drops the weeks that end more than `days` before `newestDay` and were not posted to in the last `idle`
   * placements (both: an old page arriving late still finds the weeks around it while they are in use).
   */
  sweep(newestDay: number, days: number, idle: number): void {
    const dropped = new Set<number>();
    for (const [b, posted] of this.weeks) {
      if ((b + 1) * this.bucketDays < newestDay - days && posted < this.clock - idle) {
        dropped.add(b);
        this.weeks.delete(b);
      }
    }
    if (dropped.size === 0) return;
    for (const k of this.keys.values()) {
      let n = 0;
      for (let i = 0; i < k.weekIds.length; i++) {
        if (dropped.has(k.weekIds[i]!)) continue;
        k.weekIds[n] = k.weekIds[i]!;
        k.lists[n++] = k.lists[i]!;
      }
      k.weekIds.length = k.lists.length = n;
    }
  }

  /**
   * The lists exactly (a checkpoint, src/cluster/snapshot.ts), less the keys whose every list holds only groups
   * `dead` says will never be found again: such a key retrieves nothing, and a group posted under it later ends in
   * the same place among the live ones as it would behind the dead (lists drop their oldest first).
   */
  exportState(dead: (group: number) => boolean): PostingsState {
    const keys: PostingsState["keys"] = [];
    for (const [key, k] of this.keys) {
      if (k.recent.every(dead) && k.lists.every((l) => l.every(dead))) continue;
      keys.push([key, k.recent, k.weekIds, k.lists]);
    }
    return { clock: this.clock, weeks: [...this.weeks], keys };
  }

  importState(s: PostingsState): void {
    this.clock = s.clock;
    this.weeks.clear();
    for (const [b, c] of s.weeks) this.weeks.set(b, c);
    this.keys.clear();
    for (const [key, recent, weekIds, lists] of s.keys) this.keys.set(key, { recent, weekIds, lists });
  }

  /** Weeks held (for tests and diagnostics). */
  get weekCount(): number {
    return this.weeks.size;
  }
}

export interface PostingsState {
  clock: number;
  weeks: [number, number][];
  keys: [string, number[], number[], number[][]][];
}

/** One key's postings: its recent list, and its list in each week held (weeks in order of first posting). */
interface KeyLists {
  recent: number[];
  weekIds: number[];
  lists: number[][];
}

function add(list: readonly number[], w: number, weight: Float64Array, hit: number[]): void {
  for (let i = 0; i < list.length; i++) {
    const g = list[i]!;
    if (weight[g] === 0) hit.push(g);
    weight[g] = weight[g]! + w;
  }
}

/** Appends `group` (moved to the end when already listed), dropping the oldest past `cap`. */
function pushCapped(list: number[], group: number, cap: number): void {
  const at = list.lastIndexOf(group);
  if (at >= 0) {
    if (at === list.length - 1) return;
    list.splice(at, 1);
  }
  list.push(group);
  if (list.length > cap) list.shift();
}
