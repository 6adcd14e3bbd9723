/**
 * A bounded inverted index from a key (an analysed term, an entity id) to the groups (stories, topics) posted under
 * it. Each key keeps two short lists: per time bucket (week) and most-recent overall; both are capped, so a lookup
 * costs the same with a hundred groups or a million (a key as common as a stopword simply stops being a good
 * retriever, which is what its idf says anyway).
 *
 *   week 2406: { "بركسل": [s17, s42], "e:nato": [s42] }      week 2407: { "بركسل": [s42] }
 *   recent:    { "بركسل": [s42, s17, s9 …≤ cap], "e:nato": [s42, s3] }
 *
 * Weeks are kept whole, so old ones leave memory at once (`sweep`): an index over an endless stream holds the
 * weeks still looked up, not every week it ever saw.
 */
export class Postings {
  private readonly weeks = new Map<number, Week>();
  private readonly recent = new Map<string, number[]>();
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
    pushCapped(this.recent, key, group, this.cap);
    if (first === null || last === null) return;
    const b1 = Math.floor(last / this.bucketDays);
    const b0 = Math.max(Math.floor(first / this.bucketDays), b1 - 7);
    for (let b = b0; b <= b1; b++) {
      let week = this.weeks.get(b);
      if (week === undefined) this.weeks.set(b, (week = { posted: 0, lists: new Map() }));
      week.posted = this.clock;
      pushCapped(week.lists, key, group, this.cap);
    }
  }

  /**
   * Looks `key` up near `day` (its week and the two beside it, then its recent list; the recent list alone when
   * undated): adds `w` to `weight[g]` for every group g found (once per list it is in) and lists in `hit` the groups
   * whose weight was 0 before. No call per posting: a candidate search reads a few thousand.
   */
  accumulate(key: string, day: number | null, w: number, weight: Float64Array, hit: number[]): void {
    for (const list of this.lists(key, day)) {
      for (let i = 0; i < list.length; i++) {
        const g = list[i]!;
        if (weight[g] === 0) hit.push(g);
        weight[g] = weight[g]! + w;
      }
    }
  }

  /** The lists a lookup reads: the key's lists for the weeks around `day`, then its recent list. */
  private lists(key: string, day: number | null): number[][] {
    const out: number[][] = [];
    if (day !== null) {
      const b = Math.floor(day / this.bucketDays);
      for (let x = b - 1; x <= b + 1; x++) {
        const list = this.weeks.get(x)?.lists.get(key);
        if (list !== undefined) out.push(list);
      }
    }
    // Undated groups have no week: the recent list is where they are found (and all an undated lookup reads).
    const recent = this.recent.get(key);
    if (recent !== undefined) out.push(recent);
    return out;
  }

  /**
   * Drops the weeks that end more than `days` before `newestDay` and were not posted to in the last `idle`
   * placements (both: an old page arriving late still finds the weeks around it while they are in use).
   */
  sweep(newestDay: number, days: number, idle: number): void {
    for (const [b, week] of this.weeks) {
      if ((b + 1) * this.bucketDays < newestDay - days && week.posted < this.clock - idle) this.weeks.delete(b);
    }
  }

  /** Weeks held (for tests and diagnostics). */
  get weekCount(): number {
    return this.weeks.size;
  }
}

interface Week {
  /** `clock` when last posted to. */
  posted: number;
  lists: Map<string, number[]>;
}

function pushCapped(m: Map<string, number[]>, key: string, group: number, cap: number): void {
  let list = m.get(key);
  if (!list) m.set(key, (list = []));
  const at = list.lastIndexOf(group);
  if (at >= 0) {
    if (at === list.length - 1) return;
    list.splice(at, 1);
  }
  list.push(group);
  if (list.length > cap) list.shift();
}
