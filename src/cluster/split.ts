import type { LevelConfig } from "./groups.js";
import { Profile } from "./profile.js";
import { groupScoreValue } from "./similarity.js";

/** One part of a re-clustered topic: the stories it holds (sorted) and their summed profile. */
export interface Part {
  ids: string[];
  profile: Profile;
}

/** A story as the re-clustering sees it: its id, its profile, and a version that changes when the profile does. */
export interface SplitItem {
  id: string;
  profile: Profile;
  version: string | number;
}

/**
 * Scores of pairs of parts, keyed by what the two parts hold (story ids and versions): a topic is re-clustered
 * each time it takes in a story, and most pairs (and most of the merges the clustering makes) are the ones it
 * scored the time before. A part's profile is the sum of its stories' in id order, so a score depends on the two
 * parts' contents only and a cached one is exactly what would be computed. Bounded: cleared past `max` entries.
 */
export class PairScores {
  /**
   * First part's key → second part's key → score: two lookups of keys made once per part, where one key per pair
   * would be a new string of both to build and hash for each of the ~30 pairs a re-clustering reads.
   */
  private readonly scores = new Map<string, Map<string, number>>();
  private size = 0;
  /** Scores computed (not found) so far. */
  computed = 0;

  constructor(private readonly max = 100_000) {}

  get(a: string, b: string, compute: () => number): number {
    let row = this.scores.get(a);
    let v = row?.get(b);
    if (v === undefined) {
      if (this.size >= this.max) {
        this.scores.clear();
        this.size = 0;
        row = undefined;
      }
      if (row === undefined) this.scores.set(a, (row = new Map()));
      this.computed++;
      v = compute();
      row.set(b, v);
      this.size++;
    }
    return v;
  }
}

interface Working {
  items: SplitItem[];
  key: string;
  profile: Profile | null;
}

/**
 * Offline average-link clustering of a few groups (a topic's stories), as an offline run over them would do it:
 *
 *   start: one part per story ──► merge the best-scoring pair of parts (groupScore, place factor included)
 *          ──► repeat while the best pair reaches the level's threshold ──► the parts left
 *
 * The pairs are scored on the parts' summed profiles, so a part of two stories is compared by the mean over all its
 * member pairs, exactly as the topic-against-topic merge compares two topics. Ties go to the pair with the smaller
 * indices (items sorted by id), so the result depends on the stories only, never on the order they came in.
 * Cost: about k² group scores for k items, most of them found in `cache` when the topic was re-clustered before;
 * callers bound k (REVISABLE_TOPIC).
 */
export function averageLinkParts(items: readonly SplitItem[], level: LevelConfig, cache = new PairScores()): Part[] {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const parts: (Working | null)[] = sorted.map((x) => ({
    items: [x],
    key: `${x.id}#${x.version}`,
    profile: x.profile,
  }));
  const k = parts.length;
  const s = new Float64Array(k * k);
  const pair = (i: number, j: number): number => {
    const a = parts[i]!;
    const b = parts[j]!;
    return cache.get(a.key, b.key, () =>
      groupScoreValue(
        profileOf(a),
        profileOf(b),
        level.weights,
        level.time,
        level.places,
        level.minTerms,
        level.minEntities,
        level.minTermsAlone,
        level.oneOutletApart,
      ),
    );
  };
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) s[i * k + j] = pair(i, j);
  for (let left = k; left > 1; left--) {
    let bi = -1;
    let bj = -1;
    let best = -Infinity;
    for (let i = 0; i < k; i++) {
      if (parts[i] === null) continue;
      for (let j = i + 1; j < k; j++) {
        if (parts[j] !== null && s[i * k + j]! > best) [bi, bj, best] = [i, j, s[i * k + j]!];
      }
    }
    if (bi < 0 || best < level.threshold) break;
    const merged = [...parts[bi]!.items, ...parts[bj]!.items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    parts[bi] = { items: merged, key: merged.map((x) => `${x.id}#${x.version}`).join(","), profile: null };
    parts[bj] = null;
    for (let x = 0; x < k; x++) {
      if (x === bi || parts[x] === null) continue;
      const [i, j] = x < bi ? [x, bi] : [bi, x];
      s[i * k + j] = pair(i, j);
    }
  }
  // A part of one story is handed out as a copy: the caller makes topics of the parts, and a topic's profile grows.
  return parts
    .filter((p): p is Working => p !== null)
    .map((p) => ({ ids: p.items.map((x) => x.id), profile: p.items.length === 1 ? sumOf(p.items) : profileOf(p) }));
}

/** A part's profile: its one story's, or the sum of its stories' in id order (built when first needed). */
function profileOf(p: Working): Profile {
  p.profile ??= sumOf(p.items);
  return p.profile;
}

function sumOf(items: readonly SplitItem[]): Profile {
  const sum = new Profile();
  for (const x of items) sum.merge(x.profile);
  return sum;
}
