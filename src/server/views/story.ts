import type { Claim, Story, StoryArticle, StoryQuote } from "../../core/types.js";
import { timelineChart } from "./chart.js";
import { html, seg, type Html } from "./html.js";
import { showDate, t, typeLabel, type Lang } from "./i18n.js";
import { markSubstrings } from "./marks.js";

/** Citation numbers: an article's place in the story's source list, 1-based. */
type Numbers = Map<string, number>;

function cite(nums: Numbers, ids: readonly string[]): Html {
  const ns = [...new Set(ids.map((id) => nums.get(id)).filter((n): n is number => n !== undefined))].sort(
    (a, b) => a - b,
  );
  return html`${ns.map((n) => html`<a class="cite" href="#src-${n}" data-src="${n}">[${n}]</a>`)}`;
}

function disputedTexts(claims: readonly Claim[]): string[] {
  return claims.filter((c) => !c.agree).flatMap((c) => c.values.map((v) => v.text));
}

function summarySection(lang: Lang, story: Story, nums: Numbers): Html {
  const disputed = disputedTexts(story.claims);
  return html`<section class="summary" aria-labelledby="h-summary"><h2 id="h-summary">${t(lang, "summary")}</h2>
<ol class="sentences" lang="ar" dir="rtl">${story.summary.map((s) => html`<li>${markSubstrings(s.text, disputed, "disputed")} ${cite(nums, s.sources)}</li>`)}</ol>
</section>`;
}

function claimsSection(lang: Lang, story: Story, nums: Numbers): Html {
  const against = story.claims.filter((c) => !c.agree);
  if (against.length === 0) return html``;
  return html`<section class="claims" aria-labelledby="h-claims"><h2 id="h-claims">${t(lang, "disagreements")}</h2>
${against.map(
  (c) =>
    html`<div class="claim disagree"><h3 lang="ar">${c.about}</h3><ul lang="ar" dir="rtl">${c.values.map(
      (v) =>
        html`<li><strong>${v.qualifier ? `${v.qualifier} ` : ""}${v.value.toLocaleString("en")}${v.unit ? ` ${v.unit}` : ""}</strong> — «${v.text}» ${cite(nums, [v.article])}</li>`,
    )}</ul></div>`,
)}
</section>`;
}

function timelineSection(lang: Lang, story: Story, nums: Numbers): Html {
  const events = story.timeline.map((e, i) => ({ date: e.date, text: e.text, n: i + 1 }));
  const days = story.articles.map((a) => a.published).filter((d): d is string => d !== null);
  const chart = timelineChart(lang, { articleDays: days, events, label: t(lang, "chartLabel") });
  return html`<section class="timeline" aria-labelledby="h-timeline"><h2 id="h-timeline">${t(lang, "timeline")}</h2>
${chart}
<ol class="events" lang="ar" dir="rtl">${story.timeline.map((e, i) => html`<li id="tl-${i + 1}"><time>${e.date}</time> ${e.text} ${cite(nums, e.sources)}</li>`)}</ol>
</section>`;
}

/** Sources grouped by copy: an original with the copies that repeat it, then the next original. */
function sourceGroups(articles: readonly StoryArticle[]): StoryArticle[][] {
  const ids = new Set(articles.map((a) => a.id));
  const root = (a: StoryArticle) => (a.duplicateOf !== null && ids.has(a.duplicateOf) ? a.duplicateOf : a.id);
  const groups = new Map<string, StoryArticle[]>();
  for (const a of articles) groups.set(root(a), [...(groups.get(root(a)) ?? []), a]);
  return [...groups.values()];
}

function sourcesSection(lang: Lang, story: Story, nums: Numbers): Html {
  const item = (
    a: StoryArticle,
    copy: boolean,
  ) => html`<li id="src-${nums.get(a.id) ?? 0}" class="${copy ? "source copy" : "source"}">
  <span class="n">${nums.get(a.id) ?? ""}</span>
  <a href="/articles/${seg(a.id)}" lang="ar" dir="rtl">${a.title}</a>
  <span class="meta"><span class="publisher">${a.publisher ?? "—"}</span> · <time>${showDate(lang, a.published)}</time>${copy ? html` · <span class="dup">${t(lang, "duplicates")} [${nums.get(a.duplicateOf ?? "") ?? "?"}]</span>` : ""}</span>
</li>`;
  return html`<section class="sources" aria-labelledby="h-sources"><h2 id="h-sources">${t(lang, "sources")} (${story.articles.length})</h2>
<ol class="source-groups">${sourceGroups(story.articles).map((g) => {
    const [head, ...copies] = g;
    if (head === undefined) return html``;
    return html`<li class="group${copies.length > 0 ? " has-copies" : ""}"><ol>${item(head, false)}${copies.map((c) => item(c, true))}</ol>${
      copies.length > 0 ? html`<p class="copies-note">${t(lang, "copies")}: ${copies.length + 1}</p>` : ""
    }</li>`;
  })}</ol>
</section>`;
}

function quotesSection(lang: Lang, quotes: readonly StoryQuote[], nums: Numbers): Html {
  if (quotes.length === 0) return html``;
  const by = new Map<string, { name: string; id: string | null; quotes: StoryQuote[] }>();
  for (const q of quotes) {
    const key = q.speaker?.id ?? "";
    const g = by.get(key) ?? {
      name: q.speaker?.name ?? t(lang, "unknownSpeaker"),
      id: q.speaker?.id ?? null,
      quotes: [],
    };
    g.quotes.push(q);
    by.set(key, g);
  }
  return html`<section class="quotes" aria-labelledby="h-quotes"><h2 id="h-quotes">${t(lang, "quotes")}</h2>
${[...by.values()].map(
  (
    g,
  ) => html`<div class="speaker"><h3 lang="ar">${g.id !== null ? html`<a href="/entities/${seg(g.id)}">${g.name}</a>` : g.name}</h3>
<ul lang="ar" dir="rtl">${g.quotes.map((q) => html`<li><q>${q.text}</q> ${cite(nums, [q.article])}</li>`)}</ul></div>`,
)}
</section>`;
}

function entitiesSection(lang: Lang, story: Story): Html {
  if (story.entities.length === 0) return html``;
  return html`<section class="entities" aria-labelledby="h-entities"><h2 id="h-entities">${t(lang, "entities")}</h2>
<ul class="chips" lang="ar">${story.entities.map((e) => html`<li><a class="chip ${e.type}" href="/entities/${seg(e.id)}">${e.name}</a> <span class="meta">${typeLabel(lang, e.type)} · ${e.articles}</span></li>`)}</ul>
</section>`;
}

export function storyBody(lang: Lang, story: Story, topic: { id: string; label: string } | null): Html {
  const nums: Numbers = new Map(story.articles.map((a, i) => [a.id, i + 1]));
  const span =
    story.span.from === story.span.to
      ? showDate(lang, story.span.from)
      : `${showDate(lang, story.span.from)} – ${showDate(lang, story.span.to)}`;
  return html`<article class="story">
<h1 lang="ar" dir="rtl">${story.title}</h1>
<p class="meta">${span} · ${story.articles.length} ${t(lang, "sourcesN")}${topic ? html` · ${t(lang, "topic")}: <a href="/topics#${seg(topic.id)}" lang="ar">${topic.label}</a>` : ""}</p>
${claimsSection(lang, story, nums)}
${summarySection(lang, story, nums)}
${timelineSection(lang, story, nums)}
${sourcesSection(lang, story, nums)}
${quotesSection(lang, story.quotes, nums)}
${entitiesSection(lang, story)}
</article>`;
}
