import { failureText } from "../../i18n/reasons.js";
import { formatDiagnostic } from "../../core/context.js";
import { RasdError } from "../../core/errors.js";
import { loadHasher } from "../../core/hash.js";
import type { Article } from "../../core/types.js";
import { inputLabel } from "../../core/label.js";
import { processPaths } from "../../pipeline/process-paths.js";
import { createStages } from "../../assemble/stages.js";
import { DEFAULT_WORDS, storyMarkdown, summarizeStory } from "../../summarize/index.js";
import { type Command, type CommandContext, ENCODING_OPTION, stringOption } from "../command.js";

export const command: Command = {
  name: "summarize",
  usage: "summarize PATH… [--words N]",
  summary: "treat the pages as one story and summarise it with citations",
  description: `Reads the pages (as 'rasd extract' does; nothing is stored), treats them as one story and prints it:
a summary of at most N words in which every sentence cites every article that states it, a headline, a dated
timeline, key quotes by speaker, and the figures the sources report, with disagreements flagged. Publication
dates a page does not fix are inferred from the other pages. --json prints the Story object of the contract.

examples:
  rasd summarize ../shared/corpus/seeds
  rasd summarize --json --words 120 a.html b.html c.txt`,
  options: {
    words: { type: "string", value: "N", help: `summary length in words (default ${DEFAULT_WORDS}, 1–5000)` },
    encoding: ENCODING_OPTION,
  },
  positionals: { name: "PATH…", min: 1 },
  async run(ctx) {
    const words = wordsOption(ctx);
    await loadHasher();
    const { articles, failed } = await readArticles(ctx);
    if (articles.length === 0) {
      throw new RasdError(
        "EMPTY",
        `rasd summarize: no article could be read from ${ctx.positionals.join(", ")}; check the paths`,
      );
    }
    const story = summarizeStory(articles, { words });
    if (ctx.globals.json) ctx.out.jsonLine(story);
    else ctx.out.print(storyMarkdown(story, ctx.out.lang));
    return failed > 0 ? 3 : 0;
  },
};

/** `--words N`: a whole number 1–5000 (default 250); anything else is a usage error naming the value. */
export function wordsOption(ctx: CommandContext): number {
  const raw = stringOption(ctx, "words");
  if (raw === undefined) return DEFAULT_WORDS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 5000) {
    throw new RasdError("USAGE", `--words "${raw}" is not a whole number from 1 to 5000; e.g. --words 250`);
  }
  return n;
}

async function readArticles(ctx: CommandContext): Promise<{ articles: Article[]; failed: number }> {
  const articles: Article[] = [];
  let failed = 0;
  for await (const r of processPaths(ctx.positionals, createStages(), { encoding: stringOption(ctx, "encoding") })) {
    if (r.kind === "skipped") {
      ctx.out.note(`rasd: ${ctx.out.lang === "ar" ? r.ar : r.reason}`);
    } else if (r.kind === "failed") {
      failed++;
      ctx.out.note(`rasd: ${failureText(ctx.out.lang, r)}`);
    } else {
      articles.push(r.article);
      for (const m of r.article.messages)
        if (m.severity === "error") ctx.out.note(formatDiagnostic(inputLabel(r.article.source), m));
    }
  }
  return { articles, failed };
}
