import type { Migration } from "./migration.js";

/**
 * The entity registry: one row per entity (its id is a pure function of its canonical name, see
 * annotate/entities/ids.ts), every name it goes by with the identity key names are matched on, and which articles
 * mention it. `rasd entity NAME` and search-by-entity read `entity_names.key`.
 */
export const entities: Migration = {
  id: 3,
  name: "entities",
  sql: `
CREATE TABLE entities (
  id     text PRIMARY KEY,
  type   text NOT NULL,
  name   text NOT NULL,
  gender text
);
CREATE TABLE entity_names (
  entity_id text NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  name      text NOT NULL,
  key       text NOT NULL,
  PRIMARY KEY (entity_id, key)
);
CREATE INDEX entity_names_key ON entity_names (key);
CREATE TABLE article_entities (
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  entity_id  text NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  mentions   integer NOT NULL,
  PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_entities_entity ON article_entities (entity_id);
`,
};
