/**
 * A bounded inverted index from a key (an analysed term, an entity id) to the groups (stories, topics) posted under
 * it. Each key keeps two short lists: per time bucket (week) and most-recent overall; both are capped, so a lookup
 * costs the same with a hundred groups or a million (a key as common as a stopword simply stops being a good
 * retriever, which is what its idf says anyway).
 *
 *   key "بركسل" ──► week 2406: [s17, s42]      week 2407: [s42]      recent: [s42, s17, s9 …≤ cap]
 *   key "e:nato" ─► week 2406: [s42]                                   recent: [s42, s3]
 */
export class Postings {
  private readonly byBucket = new Map<string, number[]>();
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly cap = 48,
    private readonly bucketDays = 7,
  ) {}

  /** Posts `group` under `key` for each week of [first, last] (at most 8), and in the key's recent list. */
  post(key: string, group: number, first: number | null, last: number | null): void {
    pushCapped(this.recent, key, group, this.cap);
    if (first === null || last === null) return;
    const b0 = Math.floor(first / this.bucketDays);
    const b1 = Math.min(Math.floor(last / this.bucketDays), b0 + 7);
    for (let b = b0; b <= b1; b++) pushCapped(this.byBucket, `${key}|${b}`, group, this.cap);
  }

  /** Groups under `key` near `day` (its week and the two beside it), or the key's recent groups when undated. */
  lookup(key: string, day: number | null, emit: (group: number) => void): void {
    if (day === null) {
      for (const g of this.recent.get(key) ?? []) emit(g);
      return;
    }
    const b = Math.floor(day / this.bucketDays);
    for (let x = b - 1; x <= b + 1; x++) for (const g of this.byBucket.get(`${key}|${x}`) ?? []) emit(g);
    // Undated groups have no week: the recent list is where they are found.
    for (const g of this.recent.get(key) ?? []) emit(g);
  }
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
