import { z } from "zod";
import { validDate } from "../../search/search.js";

/**
 * What every endpoint accepts, as zod schemas: the same schemas validate requests and describe them in the OpenAPI
 * document, so the two cannot drift apart. Unknown query parameters are refused (a misspelt filter must not be
 * silently ignored).
 */

const id = z.string().min(1).max(200).describe("an id as the API returns it");
const limit = (def: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(def).describe(`how many (default ${def}, 1–${max})`);
const offset = z.coerce.number().int().min(0).max(100_000).default(0).describe("how many to skip (default 0)");
const date = (what: string) =>
  z
    .string()
    .refine(validDate, "must be a date like 2024-03-05, 2024-03 or 2024 (a real month and day)")
    .optional()
    .describe(`${what} (YYYY-MM-DD, YYYY-MM or YYYY)`);
const text = (what: string, max = 200) => z.string().trim().min(1).max(max).optional().describe(what);

export const idParam = z.strictObject({ id });
export const entityParam = z.strictObject({
  id: z.string().min(1).max(200).describe("an entity id, or any of its names in any spelling"),
});

export const empty = z.strictObject({});

export const articlesQuery = z.strictObject({
  limit: limit(20, 200),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe("the `next` value of the previous page (keyset pagination)"),
  outlet: text("only this outlet (exact name)"),
  story: text("only this story's articles (story id)"),
});

export const storiesQuery = z.strictObject({
  limit: limit(30, 200),
  offset,
  topic: text("only this topic's stories (topic id)"),
});

export const storyQuery = z.strictObject({
  words: z.coerce
    .number()
    .int()
    .min(10)
    .max(2000)
    .default(250)
    .describe("summary length in words (default 250, 10–2000)"),
});

export const topicsQuery = z.strictObject({ limit: limit(20, 200), offset });

export const entitiesQuery = z.strictObject({
  limit: limit(50, 500),
  offset,
  type: z.enum(["person", "organization", "place", "other"]).optional().describe("only this type"),
  q: text("only entities one of whose names contains this"),
});

export const searchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, "must not be empty: give the words to search for")
    .max(500)
    .describe("the query, Arabic or English"),
  limit: limit(20, 100),
  since: date("only articles published on or after"),
  until: date("only articles published on or before"),
  outlet: text("only this outlet (exact name)"),
  entity: text("only articles that mention this entity (id or any name)"),
});

export type SearchQuery = z.infer<typeof searchQuery>;

export const exportQuery = z.strictObject({
  format: z.enum(["csv", "jsonl"]).default("csv").describe("csv (for Excel: byte-order mark, CRLF) or jsonl"),
  q: z.string().trim().min(1).max(500).optional().describe("only the hits of this search (else every article)"),
  limit: limit(1000, 1000),
  since: date("with q: only articles published on or after"),
  until: date("with q: only articles published on or before"),
  outlet: text("with q: only this outlet (name or key)"),
  entity: text("with q: only articles that mention this entity (id or any name)"),
});

export type ExportQuery = z.infer<typeof exportQuery>;
