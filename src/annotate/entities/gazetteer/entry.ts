import type { EntityType } from "../../../core/types.js";

/** One entity a gazetteer knows: its display name, every name it goes by, and related words (demonyms). */
export interface GazetteerEntry {
  /** Display name; its key also fixes the entity's id. */
  name: string;
  type: EntityType;
  /** All names, Arabic and English, acronyms included; `name` among them. */
  names: string[];
  /** Words that point at the entity without naming it (الأميركي → the United States). */
  related: string[];
}
