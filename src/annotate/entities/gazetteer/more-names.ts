import { createRequire } from "node:module";
import { fold } from "../text.js";

/**
 * More given names than ours: the 2,500 Arabic given names of the arabic-name-to-en package (its name table, keys
 * only), as one plain set. They are a weaker clue than our own list (many are also common nouns: أمل، نور، ابتسام):
 * only the tagger sees them, as their own feature class, and learns from its training how far to trust it; the
 * patterns never start a name with one. Entries that are not one Arabic word (a romanisation left in the table, a
 * split word) are skipped, and places and organisations the gazetteers know (the table has باريس) are left out by
 * the tagger's features.
 */

const require = createRequire(import.meta.url);
const TABLE = require("arabic-name-to-en/cases/fullnamedb.js") as Record<string, string>;

const ONE_ARABIC_WORD = /^[\u0621-\u064A\u0671-\u06D3]{3,}$/u;

export const MORE_GIVEN_NAMES: ReadonlySet<string> = new Set(
  Object.keys(TABLE)
    .map((k) => k.replace(/[\u064B-\u0652]/gu, "").trim())
    .filter((k) => ONE_ARABIC_WORD.test(k))
    .map(fold),
);
