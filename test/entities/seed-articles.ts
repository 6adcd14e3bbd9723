import { readFileSync } from "node:fs";
import { emptyArticle } from "../../src/core/stage.js";
import { corpusPath } from "../../src/core/paths.js";
import type { Article, Block, BlockRole } from "../../src/core/types.js";

/**
 * The five seed pages as Articles, built from gold.json's line roles (so these tests do not depend on the
 * extraction stage): `text` is the title, body and subheading lines joined by blank lines; captions are blocks.
 */

export interface Gold {
  files: Record<string, { lines: Record<string, number[]> }>;
  entities: Array<{ id: string; type: string; names: string[]; files: string[] }>;
  quotes: Array<{ file: string; speaker: string; starts: string }>;
}

export function readGold(): Gold {
  return JSON.parse(readFileSync(corpusPath("seeds", "gold.json"), "utf8")) as Gold;
}

const IN_TEXT = new Set<BlockRole>(["title", "subheading", "body"]);

export function seedArticles(): Map<string, Article> {
  const gold = readGold();
  const out = new Map<string, Article>();
  for (const [file, g] of Object.entries(gold.files)) {
    const lines = readFileSync(corpusPath("seeds", file), "utf8").split("\n");
    const roleOf = new Map<number, BlockRole>();
    for (const [role, nums] of Object.entries(g.lines)) for (const n of nums) roleOf.set(n, role as BlockRole);
    const a = emptyArticle({ path: file });
    const blocks: Block[] = [];
    const parts: string[] = [];
    lines.forEach((text, k) => {
      const role = roleOf.get(k + 1);
      if (role === undefined) return;
      blocks.push({
        role,
        text,
        lang: /\p{Script=Latin}{3}/u.test(text) && !/\p{Script=Arabic}/u.test(text) ? "en" : "ar",
        line: k + 1,
      });
      if (IN_TEXT.has(role)) parts.push(text);
    });
    a.blocks = blocks;
    a.text = parts.join("\n\n");
    a.title = parts[0] ?? "";
    a.lang = "ar";
    out.set(file.slice(0, 3), a);
  }
  return out;
}
