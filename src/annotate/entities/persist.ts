import type { Article, EntityType } from "../../core/types.js";
import type { Sql } from "../../store/sql.js";
import { lookupKeys } from "./aliases.js";
import { lookupName } from "./phrases.js";
import { EntityRegistry } from "./registry.js";
import { cliticForms, fold, nameKey, tokenize } from "./text.js";

/**
 * The registry in the store (migration 003): entities, their names with identity keys, and which articles mention
 * them. Queries are the same on PGlite and PostgreSQL (jsonb in, text out).
 */

interface EntityRow {
  id: string;
  type: EntityType;
  name: string;
  gender: string | null;
}

/** The names of an article's entity worth keeping: its name and its mentions, a proclitic-led copy of a kept form dropped. */
function namesOf(e: Article["entities"][number]): string[] {
  const forms = new Map<string, string>();
  for (const t of [e.name, ...e.mentions.map((m) => m.text)]) forms.set(nameKey(t), t);
  return [...forms.entries()]
    .filter(([k]) => !cliticForms(k).some((f) => f.cut > 0 && forms.has(nameKey(f.form))))
    .map(([, t]) => t);
}

/** Stores the entities of `articles` (call inside the ingest transaction, after the articles are inserted). */
export async function persistEntities(sql: Sql, articles: readonly Article[]): Promise<void> {
  const ents = new Map<string, EntityRow>();
  const names: Array<{ entity_id: string; name: string; key: string }> = [];
  const links: Array<{ article_id: string; entity_id: string; mentions: number }> = [];
  for (const a of articles) {
    for (const e of a.entities) {
      if (e.mentions.length === 0) continue;
      ents.set(e.id, { id: e.id, type: e.type, name: e.name, gender: null });
      for (const n of namesOf(e)) names.push({ entity_id: e.id, name: n, key: nameKey(n) });
      links.push({ article_id: a.id, entity_id: e.id, mentions: e.mentions.length });
    }
  }
  if (ents.size === 0) return;
  await sql.query(
    `INSERT INTO entities (id, type, name, gender)
     SELECT x.id, x.type, x.name, x.gender FROM jsonb_to_recordset($1::jsonb) AS x(id text, type text, name text, gender text)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify([...ents.values()])],
  );
  await sql.query(
    `INSERT INTO entity_names (entity_id, name, key)
     SELECT DISTINCT ON (x.entity_id, x.key) x.entity_id, x.name, x.key
       FROM jsonb_to_recordset($1::jsonb) AS x(entity_id text, name text, key text) WHERE x.key <> ''
     ON CONFLICT (entity_id, key) DO NOTHING`,
    [JSON.stringify(names)],
  );
  await sql.query(
    `INSERT INTO article_entities (article_id, entity_id, mentions)
     SELECT x.article_id, x.entity_id, x.mentions FROM jsonb_to_recordset($1::jsonb) AS x(article_id text, entity_id text, mentions int)
     WHERE EXISTS (SELECT 1 FROM articles WHERE id = x.article_id)
     ON CONFLICT (article_id, entity_id) DO UPDATE SET mentions = EXCLUDED.mentions`,
    [JSON.stringify(links)],
  );
}

export interface EntityRecord {
  id: string;
  type: EntityType;
  name: string;
  names: string[];
  articles: Array<{ id: string; title: string; published: string | null; mentions: number }>;
}

/**
 * An entity by id, or every entity one of whose names is `idOrName` (any spelling: hamza, alef, ة/ه…), read as
 * names are stored: without proclitics (لداعش finds داعش) when the name as written is not itself a stored name.
 */
export async function lookupEntities(sql: Sql, idOrName: string): Promise<EntityRecord[]> {
  let ids: Array<{ id: string }> = [];
  for (const key of lookupKeys(idOrName)) {
    ids = await sql.query<{ id: string }>(
      `SELECT id FROM entities WHERE id = $1
       UNION SELECT entity_id FROM entity_names WHERE key = $2 ORDER BY 1`,
      [idOrName, key],
    );
    if (ids.length > 0) break;
  }
  const out: EntityRecord[] = [];
  for (const { id } of ids) {
    const [e] = await sql.query<EntityRow>("SELECT id, type, name, gender FROM entities WHERE id = $1", [id]);
    if (e === undefined) continue;
    const names = (
      await sql.query<{ name: string }>("SELECT name FROM entity_names WHERE entity_id = $1 ORDER BY name", [id])
    ).map((r) => r.name);
    const articles = await sql.query<{ id: string; title: string; published: string | null; mentions: number }>(
      `SELECT a.id, a.title, a.published, ae.mentions FROM article_entities ae JOIN articles a ON a.id = ae.article_id
        WHERE ae.entity_id = $1 ORDER BY a.published DESC NULLS LAST, a.ingested_seq DESC LIMIT 200`,
      [id],
    );
    out.push({
      id: e.id,
      type: e.type,
      name: e.name,
      names,
      articles: articles.map((r) => ({ ...r, mentions: Number(r.mentions) })),
    });
  }
  return out;
}

const gazetteerRegistry = { reg: undefined as EntityRegistry | undefined };

/** Word n-grams of a query (up to five words): the spans that may name an entity. */
function queryGrams(query: string): Set<string> {
  const words = tokenize(query)
    .filter((t) => t.word)
    .map((t) => t.text);
  const grams = new Set<string>();
  for (let i = 0; i < words.length; i++)
    for (let n = 1; n <= 5 && i + n <= words.length; n++) grams.add(words.slice(i, i + n).join(" "));
  return grams;
}

/**
 * The entities a query names, by any of their names: whole-name matches of the query's word n-grams against the
 * gazetteers and the store's registry. A query naming no entity gives [].
 */
export async function entityIdsFor(sql: Sql, query: string): Promise<string[]> {
  const grams = queryGrams(query);
  if (grams.size === 0) return [];
  const ids = new Set<string>();
  for (const g of grams) {
    const entry = lookupName(g);
    if (entry !== undefined) ids.add(EntityRegistry.idOf(entry));
  }
  const keys = [...grams].map(nameKey).filter((k) => k.length >= 2);
  const rows = await sql.query<{ id: string }>(
    "SELECT DISTINCT entity_id AS id FROM entity_names WHERE key = ANY($1::text[])",
    [keys],
  );
  for (const r of rows) ids.add(r.id);
  return [...ids].sort();
}

/**
 * Every name of every entity the query names (by any of its names), for search: "داعش" → تنظيم الدولة، الدولة
 * الإسلامية، Islamic State… A query naming no entity gives [].
 */
export async function entityAliasesFor(sql: Sql, query: string): Promise<string[]> {
  const ids = await entityIdsFor(sql, query);
  if (ids.length === 0) return [];
  gazetteerRegistry.reg ??= new EntityRegistry();
  const out = new Set<string>();
  for (const id of ids) for (const n of gazetteerRegistry.reg.get(id)?.names ?? []) out.add(n);
  const rows = await sql.query<{ name: string }>(
    "SELECT DISTINCT name FROM entity_names WHERE entity_id = ANY($1::text[])",
    [ids],
  );
  for (const r of rows) out.add(r.name);
  return [...out].filter((n) => fold(n) !== "").sort();
}
