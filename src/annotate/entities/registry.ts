import type { EntityType } from "../../core/types.js";
import type { GazetteerEntry } from "./gazetteer/entry.js";
import { gazetteer } from "./gazetteer/index.js";
import { entityId } from "./ids.js";
import { nameKey, skeletonKey } from "./text.js";

/**
 * One registry of entities for a run (or a store): every surface form linked to one entity id.
 *
 *   full name / alias ──key──► byKey ──► {id}        exact, after identity folding (hamza, alef, ة/ه, ى/ي)
 *   person name part  ──────► byPart ──► {ids}       short forms: كارتر → آشتون كارتر, only when one id answers
 *   transliteration   ──────► bySkeleton ► {ids}     ستولتنبرغ = ستولتنبرج, only when one id answers
 *
 * A lookup that finds more than one id is ambiguous and answers nothing: the caller then keeps the short form as
 * its own entity rather than merge it to the first candidate.
 */

export interface RegistryEntity {
  id: string;
  type: EntityType;
  /** Display name. */
  name: string;
  /** Every surface form seen or known, as written. */
  names: Set<string>;
  /** Words that point at the entity without naming it (demonyms). */
  related: Set<string>;
  /** For people: "f" when the text shows a woman (قالت، منسقة، a female given name), "m" for a man. */
  gender?: "f" | "m";
}

export type Lookup = { id: string } | { ambiguous: string[] } | undefined;

/**
 * A registry's whole state as plain data (registry-snapshot.ts), every map and set in its insertion order, so that
 * a registry imported from it answers and grows exactly as the exported one: the entities as
 * [id, type, name, names, related, gender], and each index as [key, ids].
 */
export interface RegistryState {
  entities: [string, EntityType, string, string[], string[], "f" | "m" | null][];
  byKey: [string, string[]][];
  byPart: [string, string[]][];
  bySkeleton: [string, string[]][];
}

/**
 * A change to the registry, as the public call that made it: replaying the same calls in the same order on a
 * registry in the same state gives the same state (every call is deterministic). `r` is a restore from the store.
 */
export type RegistryOp =
  | ["e", string, EntityType]
  | ["n", string, string]
  | ["g", string, "f" | "m"]
  | ["r", { id: string; type: EntityType; name: string; names: string[]; gender?: "f" | "m" | null }];

function addTo(map: Map<string, Set<string>>, key: string, id: string): boolean {
  if (key === "") return false;
  let s = map.get(key);
  if (s === undefined) map.set(key, (s = new Set()));
  if (s.has(id)) return false;
  s.add(id);
  return true;
}

function one(ids: Set<string> | undefined): Lookup {
  if (ids === undefined || ids.size === 0) return undefined;
  if (ids.size === 1) return { id: [...ids][0]! };
  return { ambiguous: [...ids].sort() };
}

export class EntityRegistry {
  private readonly entities = new Map<string, RegistryEntity>();
  private readonly byKey = new Map<string, Set<string>>();
  private readonly byPart = new Map<string, Set<string>>();
  private readonly bySkeleton = new Map<string, Set<string>>();
  /** Grows with every change of state, so a public call knows whether it changed anything worth journalling. */
  private version = 0;
  /** The changing calls since the journal was last taken, when journalling is on (see registry-log.ts). */
  private journal: RegistryOp[] | undefined;

  /** A registry that knows the gazetteers' entities (pass `{ gazetteer: false }` for an empty one). */
  constructor(private readonly opts: { gazetteer?: boolean } = {}) {
    this.clear();
  }

  /** Back to the state of a new registry (the stages holding this one keep working with it). */
  clear(): void {
    const journal = this.journal;
    this.journal = undefined;
    for (const m of [this.entities, this.byKey, this.byPart, this.bySkeleton]) m.clear();
    if (this.opts.gazetteer !== false) for (const e of gazetteer()) this.addEntry(e);
    this.version++;
    this.journal = journal && [];
  }

  /** The whole state, copied (later changes to the registry do not change it). */
  exportState(): RegistryState {
    const index = (m: Map<string, Set<string>>): [string, string[]][] => [...m].map(([k, ids]) => [k, [...ids]]);
    return {
      entities: [...this.entities.values()].map((e) => [
        e.id,
        e.type,
        e.name,
        [...e.names],
        [...e.related],
        e.gender ?? null,
      ]),
      byKey: index(this.byKey),
      byPart: index(this.byPart),
      bySkeleton: index(this.bySkeleton),
    };
  }

  /** Replaces the state with an exported one (not journalled: it is a start, not a change). */
  importState(state: RegistryState): void {
    for (const m of [this.entities, this.byKey, this.byPart, this.bySkeleton]) m.clear();
    for (const [id, type, name, names, related, gender] of state.entities) {
      const e: RegistryEntity = { id, type, name, names: new Set(names), related: new Set(related) };
      if (gender !== null) e.gender = gender;
      this.entities.set(id, e);
    }
    const fill = (m: Map<string, Set<string>>, rows: [string, string[]][]) => {
      for (const [k, ids] of rows) m.set(k, new Set(ids));
    };
    fill(this.byKey, state.byKey);
    fill(this.byPart, state.byPart);
    fill(this.bySkeleton, state.bySkeleton);
    this.version++;
  }

  /** Starts recording the calls that change the registry (off by default: a registry of one run needs no journal). */
  startJournal(): void {
    this.journal ??= [];
  }

  /** The changing calls recorded since the last take, oldest first; the journal starts empty again. */
  takeJournal(): RegistryOp[] {
    const out = this.journal ?? [];
    if (this.journal !== undefined) this.journal = [];
    return out;
  }

  /** Replays a call another registry recorded (not journalled again). */
  apply(op: RegistryOp): void {
    const journal = this.journal;
    this.journal = undefined;
    try {
      if (op[0] === "e") this.addEntity(op[1], op[2]);
      else if (op[0] === "n") this.addName(op[1], op[2]);
      else if (op[0] === "g") this.setGender(op[1], op[2]);
      else this.restore(op[1]);
    } finally {
      this.journal = journal;
    }
  }

  /** Runs a public call, journalling it when it changed the registry (a call made inside another is not journalled). */
  private journalled<T>(op: RegistryOp, call: () => T): T {
    const journal = this.journal;
    if (journal === undefined) return call();
    const before = this.version;
    this.journal = undefined;
    try {
      return call();
    } finally {
      this.journal = journal;
      if (this.version !== before) journal.push(op);
    }
  }

  /** The id a gazetteer entry has (its English name's slug when it has one). */
  static idOf(entry: GazetteerEntry): string {
    const latin = entry.names.filter((n) => /^\p{Script=Latin}/u.test(n));
    // The shortest full English name (United States, Syria, Pentagon); an acronym only when there is nothing else.
    const words = latin.filter((n) => !/^[\p{Lu}.]+$/u.test(n)).sort((a, b) => a.length - b.length);
    return entityId(entry.name, words[0] ?? latin[0]);
  }

  private addEntry(e: GazetteerEntry): void {
    const id = EntityRegistry.idOf(e);
    const ent = this.ensure(id, e.type, e.name);
    for (const n of e.names) this.addName(id, n);
    for (const r of e.related) ent.related.add(r);
  }

  private ensure(id: string, type: EntityType, name: string): RegistryEntity {
    let ent = this.entities.get(id);
    if (ent === undefined) {
      ent = { id, type, name, names: new Set([name]), related: new Set() };
      this.entities.set(id, ent);
      this.version++;
      addTo(this.byKey, nameKey(name), id);
    }
    return ent;
  }

  /** Links `surface` to entity `id` (which must exist). */
  addName(id: string, surface: string): void {
    this.journalled(["n", id, surface], () => this.link(id, surface));
  }

  private link(id: string, surface: string): void {
    const ent = this.entities.get(id);
    if (ent === undefined) throw new Error(`rasd: entity "${id}" is not in the registry; add it with addEntity first`);
    let changed = !ent.names.has(surface);
    ent.names.add(surface);
    changed = addTo(this.byKey, nameKey(surface), id) || changed;
    const words = nameKey(surface).split(" ");
    if (ent.type === "person" && words.length >= 2) {
      changed = addTo(this.bySkeleton, skeletonKey(surface), id) || changed;
      // First and last word answer short forms (آشتون، كارتر); a last word with ال also without it (الأسد، أسد).
      changed = addTo(this.byPart, words[0]!, id) || changed;
      changed = addTo(this.byPart, words[words.length - 1]!, id) || changed;
    }
    if (changed) this.version++;
  }

  /**
   * The entity a full name (or alias) belongs to, else a new one named `name` with the id that name gives.
   * Transliteration variants of a person's full name join the one entity whose skeleton they share.
   */
  addEntity(name: string, type: EntityType): string {
    return this.journalled(["e", name, type], () => this.findOrAdd(name, type));
  }

  private findOrAdd(name: string, type: EntityType): string {
    const found = this.findExact(name);
    if (found !== undefined && "id" in found) return found.id;
    if (type === "person" && nameKey(name).includes(" ")) {
      const sk = one(this.bySkeleton.get(skeletonKey(name)));
      if (sk !== undefined && "id" in sk) {
        this.addName(sk.id, name);
        return sk.id;
      }
    }
    const id = entityId(name);
    this.ensure(id, type, name);
    this.addName(id, name);
    return id;
  }

  findExact(name: string): Lookup {
    return one(this.byKey.get(nameKey(name)));
  }

  /** A short form (one word) of a person known under a longer name: unique answer or ambiguous. */
  findPart(word: string): Lookup {
    const k = nameKey(word);
    return one(this.byPart.get(k) ?? (k.startsWith("ال") ? undefined : this.byPart.get(`ال${k}`)));
  }

  get(id: string): RegistryEntity | undefined {
    return this.entities.get(id);
  }

  /** Every entity, in id order. */
  all(): RegistryEntity[] {
    return [...this.entities.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Entities by any of their names (exact key, then as a short form). */
  find(name: string): RegistryEntity[] {
    const ids = this.byKey.get(nameKey(name)) ?? this.byPart.get(nameKey(name)) ?? new Set<string>();
    return [...ids].map((i) => this.entities.get(i)!).filter(Boolean);
  }

  setGender(id: string, g: "f" | "m"): void {
    const e = this.entities.get(id);
    if (e === undefined || e.gender !== undefined) return;
    e.gender = g;
    this.version++;
    this.journal?.push(["g", id, g]);
  }

  /** Restores an entity as the `entities` table keeps it (an older store's, written before the entity log). */
  restore(e: { id: string; type: EntityType; name: string; names: string[]; gender?: "f" | "m" | null }): void {
    this.journalled(["r", e], () => {
      const ent = this.ensure(e.id, e.type, e.name);
      for (const n of e.names) this.addName(e.id, n);
      if (e.gender && ent.gender !== e.gender) {
        ent.gender = e.gender;
        this.version++;
      }
    });
  }
}
