import { createHash } from "node:crypto";
import { annotateEntities, EntityRegistry } from "../../src/annotate/entities/index.js";
import { annotateQuotes } from "../../src/annotate/quotes/index.js";
import { emptyArticle } from "../../src/core/stage.js";
import type { Article } from "../../src/core/types.js";
import { streamRecords } from "../fuzz/corpus.js";
import { seedArticles } from "./seed-articles.js";

/**
 * What the entities and quotes stages produce on real articles, pinned without copying any text into the project:
 * one short hash per article of its entities (ids, types, names, mentions, related words) and quotes (speakers,
 * spans), with one registry for the whole run as the pipeline uses it, so linking across articles is pinned too.
 * Speed work on recognition, linking and quotes must leave every hash as it is (test/entities/stage-digest.test.ts);
 * `npx tsx scripts/golden-stages.ts --update` rewrites the expected file when a change of results is meant.
 */

export const DIGEST_FILE = ["test", "entities", "stage-digest.json"] as const;

/** Articles per stream: a few hundred, the first records of each, plus the five seed pages (captions, English). */
export const DIGEST_COUNTS = { saudinewsnet: 300, "ant-multisource": 150 } as const;

export type StageDigests = Record<string, string[]>;

const sha1 = (s: string) => createHash("sha1").update(s, "utf8").digest("hex").slice(0, 16);

/** Articles built from stream records as bench/entities.ts builds them: title, a blank line, the text. */
async function streamArticles(stream: keyof typeof DIGEST_COUNTS): Promise<Article[]> {
  const lines = await streamRecords(DIGEST_COUNTS[stream], stream);
  return lines.map((line, i) => {
    const r = JSON.parse(line) as { title?: string; text?: string; content?: string };
    const a = emptyArticle({ path: `${stream}.jsonl.gz`, record: i + 1 });
    a.text = `${r.title ?? ""}\n\n${r.text ?? r.content ?? ""}`;
    return a;
  });
}

/** Per group of articles, one hash per article of what the two stages found, in input order. */
export async function stageDigests(): Promise<StageDigests> {
  const groups: Array<[string, Article[]]> = [
    ["seeds", [...seedArticles().values()]],
    ["saudinewsnet", await streamArticles("saudinewsnet")],
    ["ant-multisource", await streamArticles("ant-multisource")],
  ];
  const out: StageDigests = {};
  for (const [name, arts] of groups) {
    const registry = new EntityRegistry();
    out[name] = arts.map((a) => {
      a.entities = annotateEntities(a, registry);
      a.quotes = annotateQuotes(a);
      return sha1(JSON.stringify({ entities: a.entities, quotes: a.quotes }));
    });
  }
  return out;
}
