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

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  if (key === "") return;
  let s = map.get(key);
  if (s === undefined) map.set(key, (s = new Set()));
  s.add(id);
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

  /** A registry that knows the gazetteers' entities (pass `{ gazetteer: false }` for an empty one). */
  constructor(opts: { gazetteer?: boolean } = {}) {
    if (opts.gazetteer !== false) for (const e of gazetteer()) this.addEntry(e);
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
      addTo(this.byKey, nameKey(name), id);
    }
    return ent;
  }

  /** Links `surface` to entity `id` (which must exist). */
  addName(id: string, surface: string): void {
    const ent = this.entities.get(id);
    if (ent === undefined) throw new Error(`rasd: entity "${id}" is not in the registry; add it with addEntity first`);
    ent.names.add(surface);
    addTo(this.byKey, nameKey(surface), id);
    if (ent.type !== "person") return;
    const words = nameKey(surface).split(" ");
    if (words.length >= 2) {
      addTo(this.bySkeleton, skeletonKey(surface), id);
      // First and last word answer short forms (آشتون، كارتر); a last word with ال also without it (الأسد، أسد).
      addTo(this.byPart, words[0]!, id);
      addTo(this.byPart, words[words.length - 1]!, id);
    }
  }

  /**
   * The entity a full name (or alias) belongs to, else a new one named `name` with the id that name gives.
   * Transliteration variants of a person's full name join the one entity whose skeleton they share.
   */
  addEntity(name: string, type: EntityType): string {
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
    if (e !== undefined && e.gender === undefined) e.gender = g;
  }

  /** Restores an entity as the store keeps it (loadRegistry). */
  restore(e: { id: string; type: EntityType; name: string; names: string[]; gender?: "f" | "m" | null }): void {
    const ent = this.ensure(e.id, e.type, e.name);
    for (const n of e.names) this.addName(e.id, n);
    if (e.gender) ent.gender = e.gender;
  }
}

