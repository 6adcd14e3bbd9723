import type { Story } from "../core/types.js";
import { countText, isolate, MARKDOWN_WORDS, type Lang, type MarkdownWord } from "../i18n/index.js";

/**
 * A story as Markdown for a person: the summary with numbered citations ([1] is the first article under "Sources"),
 * the timeline, key quotes, figures that sources report (disagreements first), and the sources themselves. Text
 * from the articles is written as it is, with Markdown's own characters escaped so a page cannot restyle the view.
 * The view's own words are in `lang` (English by default; the command line passes Arabic unless RASD_LANG=en), the
 * dates and ids of an Arabic view isolated (FSI … PDI) so they keep their order.
 */
export function storyMarkdown(story: Story, lang: Lang = "en"): string {
  const w = (key: MarkdownWord) => MARKDOWN_WORDS[key][lang];
  const iso = (s: string) => (lang === "ar" ? isolate(s) : s);
  const n = new Map(story.articles.map((a, i) => [a.id, i + 1]));
  const cite = (ids: readonly string[], loose: readonly string[] = []) =>
    ids.map((id) => `[${n.get(id) ?? "?"}${loose.includes(id) ? "≈" : ""}]`).join("");
  const out: string[] = [`# ${esc(story.title)}`, ""];
  const span = story.span.from
    ? `${story.span.from}${story.span.to && story.span.to !== story.span.from ? ` – ${story.span.to}` : ""}`
    : w("datesUnknown");
  const count =
    lang === "ar"
      ? countText(lang, "articles", story.articles.length)
      : `${story.articles.length} article${story.articles.length === 1 ? "" : "s"}`;
  out.push(`${story.span.from ? iso(span) : span} · ${count} · ${w("story")} ${iso(story.id)}`, "");
  out.push(`## ${w("summary")}`, "");
  for (const c of story.summary) out.push(`${esc(c.text)} ${cite(c.sources, c.paraphrases)}`, "");
  if (story.summary.some((c) => c.paraphrases.length > 0)) out.push(w("paraphrase"), "");
  if (story.timeline.length > 0) {
    out.push(`## ${w("timeline")}`, "");
    for (const t of story.timeline) out.push(`- **${iso(t.date)}** ${esc(t.text)} ${cite(t.sources)}`);
    out.push("");
  }
  if (story.quotes.length > 0) {
    out.push(`## ${w("quotes")}`, "");
    for (const q of story.quotes)
      out.push(`- **${esc(q.speaker?.name ?? "?")}**: «${esc(q.text)}» ${cite([q.article])}`);
    out.push("");
  }
  if (story.claims.length > 0) {
    out.push(`## ${w("figures")}`, "");
    for (const c of story.claims) {
      const values = c.values.map(
        (v) =>
          `${v.qualifier ? `${esc(v.qualifier)} ` : ""}${v.value}${v.unit ? ` ${v.unit}` : ""} ${cite([v.article])}`,
      );
      out.push(`- ${c.agree ? w("agree") : w("disagree")}: ${esc(c.about)}: ${values.join(" · ")}`);
    }
    out.push("");
  }
  out.push(`## ${w("sources")}`, "");
  story.articles.forEach((a, i) => {
    const parts = [
      esc(a.title || w("noTitle")),
      a.publisher ? esc(a.publisher) : null,
      a.published !== null ? iso(a.published) : w("dateUnknown"),
      iso(a.path),
    ];
    const copy = a.duplicateOf ? ` (${w("copyOf")} [${n.get(a.duplicateOf) ?? "?"}])` : "";
    out.push(`${i + 1}. ${parts.filter(Boolean).join(" · ")}${copy}`);
  });
  return out.join("\n") + "\n";
}

/** Escapes the characters that would start Markdown or HTML markup inside a line. */
function esc(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/gu, (c) => `\\${c}`).replace(/\s*\n\s*/gu, " ");
}
