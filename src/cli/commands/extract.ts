import { failureText } from "../../i18n/reasons.js";
import { formatDiagnostic } from "../../core/context.js";
import { loadHasher } from "../../core/hash.js";
import { inputLabel } from "../../core/label.js";
import { processPaths } from "../../pipeline/process-paths.js";
import { createStages } from "../../assemble/stages.js";
import type { Article } from "../../core/types.js";
import { type Command, ENCODING_OPTION, stringOption } from "../command.js";
import { exitStatus } from "../status.js";

export const command: Command = {
  name: "extract",
  usage: "extract PATH…",
  summary: "extract and annotate pages without storing them",
  description: `Reads pages (.txt, .html), article records (.json, .jsonl, .gz) and feeds (.xml, .rss, .atom), folders
recursively, and prints each article: with --json one Article object per line (JSON Lines), else a short
readable view. Nothing is stored.

examples:
  rasd extract page.html
  rasd extract --json ../shared/corpus/seeds > articles.jsonl`,
  options: {
    encoding: ENCODING_OPTION,
  },
  positionals: { name: "PATH…", min: 1 },
  async run(ctx) {
    await loadHasher();
    const stages = createStages();
    let ok = 0;
    let failed = 0;
    for await (const r of processPaths(ctx.positionals, stages, { encoding: stringOption(ctx, "encoding") })) {
      if (r.kind === "skipped") {
        ctx.out.note(`rasd: ${ctx.out.lang === "ar" ? r.ar : r.reason}`);
      } else if (r.kind === "failed") {
        failed++;
        ctx.out.note(`rasd: ${failureText(ctx.out.lang, r)}`);
      } else {
        ok++;
        if (ctx.globals.json) ctx.out.jsonLine(r.article);
        else ctx.out.print(readable(r.article));
        for (const m of r.article.messages)
          if (m.severity !== "info") ctx.out.note(formatDiagnostic(inputLabel(r.article.source), m));
      }
    }
    return exitStatus(ok, failed);
  },
};

function readable(a: Article): string {
  const date = a.published.date ?? "date unknown";
  const who = [a.publisher.name, a.attribution].filter(Boolean).join(" · ");
  return [
    `# ${a.title || "(no title)"}`,
    `${a.source.path} · ${date}${who ? ` · ${who}` : ""} · ${a.lang}`,
    "",
    a.text,
    "",
  ].join("\n");
}
