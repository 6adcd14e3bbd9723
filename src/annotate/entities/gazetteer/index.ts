import { fold } from "../text.js";
import type { GazetteerEntry } from "./entry.js";
import { orgEntries } from "./orgs.js";
import { placeEntries } from "./places.js";

export type { GazetteerEntry } from "./entry.js";
export { FEMALE_NAMES, GIVEN_NAMES, MALE_NAMES, NAME_LINKS } from "./names.js";

let all: GazetteerEntry[] | undefined;

/** Every entity our gazetteers know, built once. */
export function gazetteer(): readonly GazetteerEntry[] {
  all ??= [...placeEntries(), ...orgEntries()];
  return all;
}

let single: Map<string, string> | undefined;

/** Single-word names (folded) with the initial of their type (P place, O organisation), for the tagger's features. */
export function singleWordNames(): ReadonlyMap<string, string> {
  if (single !== undefined) return single;
  single = new Map();
  for (const e of gazetteer()) {
    for (const n of e.names) {
      if (/\s/u.test(n) || /\p{Script=Latin}/u.test(n)) continue;
      single.set(fold(n), e.type === "place" ? "P" : "O");
    }
  }
  return single;
}
