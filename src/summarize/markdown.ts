import type { Story } from "../core/types.js";

/**
 * A story as Markdown for a person: the summary with numbered citations ([1] is the first article under "Sources"),
 * the timeline, key quotes, figures that sources report (disagreements first), and the sources themselves. Text
 * from the articles is written as it is, with Markdown's own characters escaped so a page cannot restyle the view.
 */
export function storyMarkdown(story: Story): string {
  const n = new Map(story.articles.map((a, i) => [a.id, i + 1]));
  const cite = (ids: readonly string[], loose: readonly string[] = []) =>
    ids.map((id) => `[${n.get(id) ?? "?"}${loose.includes(id) ? "≈" : ""}]`).join("");
  const out: string[] = [`# ${esc(story.title)}`, ""];
  const span = story.span.from
    ? `${story.span.from}${story.span.to && story.span.to !== story.span.from ? ` – ${story.span.to}` : ""}`
    : "dates unknown";
  out.push(
    `${span} · ${story.articles.length} article${story.articles.length === 1 ? "" : "s"} · story ${story.id}`,
    "",
  );
  out.push("## Summary", "");
  for (const c of story.summary) out.push(`${esc(c.text)} ${cite(c.sources, c.paraphrases)}`, "");
  if (story.summary.some((c) => c.paraphrases.length > 0))
    out.push("[n≈]: the source says the sentence in other words, not word for word.", "");
  if (story.timeline.length > 0) {
    out.push("## Timeline", "");
    for (const t of story.timeline) out.push(`- **${t.date}** ${esc(t.text)} ${cite(t.sources)}`);
    out.push("");
  }
  if (story.quotes.length > 0) {
    out.push("## Quotes", "");
    for (const q of story.quotes)
      out.push(`- **${esc(q.speaker?.name ?? "?")}**: «${esc(q.text)}» ${cite([q.article])}`);
    out.push("");
  }
  if (story.claims.length > 0) {
    out.push("## Figures across sources", "");
    for (const c of story.claims) {
      const values = c.values.map(
        (v) =>
          `${v.qualifier ? `${esc(v.qualifier)} ` : ""}${v.value}${v.unit ? ` ${v.unit}` : ""} ${cite([v.article])}`,
      );
      out.push(`- ${c.agree ? "agree" : "**disagree**"}: ${esc(c.about)}: ${values.join(" · ")}`);
    }
    out.push("");
  }
  out.push("## Sources", "");
  story.articles.forEach((a, i) => {
    const parts = [
      esc(a.title || "(no title)"),
      a.publisher ? esc(a.publisher) : null,
      a.published ?? "date unknown",
      a.path,
    ];
    const copy = a.duplicateOf ? ` (copy of [${n.get(a.duplicateOf) ?? "?"}])` : "";
    out.push(`${i + 1}. ${parts.filter(Boolean).join(" · ")}${copy}`);
  });
  return out.join("\n") + "\n";
}

/** Escapes the characters that would start Markdown or HTML markup inside a line. */
function esc(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/gu, (c) => `\\${c}`).replace(/\s*\n\s*/gu, " ");
}
