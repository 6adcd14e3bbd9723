import type { Claim, ClaimValue, Story, StoryArticle, StoryQuote } from "../../core/types.js";
import { timelineChart } from "./chart.js";
import { html, seg, type Html } from "./html.js";
import { count, dateHtml, figureParts, num, outletName, t, typeLabel, verbatim, type Lang } from "./i18n.js";
import { markSubstrings } from "./marks.js";

/** Citation numbers: an article's place in the story's source list, 1-based. */
type Numbers = Map<string, number>;

/** Quotes shown per speaker before "show all" (the rest are folded, not dropped). */
const QUOTES_SHOWN = 3;

/** Citation links; a source that only paraphrases the sentence is marked ≈ (and says so to a screen reader). */
function cite(lang: Lang, nums: Numbers, ids: readonly string[], paraphrases: readonly string[] = []): Html {
  const loose = new Set(paraphrases.map((id) => nums.get(id)));
  const ns = [...new Set(ids.map((id) => nums.get(id)).filter((n): n is number => n !== undefined))].sort(
    (a, b) => a - b,
  );
  return html`${ns.map((n) =>
    loose.has(n)
      ? html`<a class="cite paraphrase" href="#src-${n}" data-src="${n}" title="${t(lang, "citeParaphrase")}" aria-label="${t(lang, "cite")} ${n}: ${t(lang, "citeParaphrase")}"><bdi>[${n}≈]</bdi></a>`
      : html`<a class="cite" href="#src-${n}" data-src="${n}" aria-label="${t(lang, "cite")} ${n}"><bdi>[${n}]</bdi></a>`,
  )}`;
}

function disputedTexts(claims: readonly Claim[]): string[] {
  return claims.filter((c) => !c.agree).flatMap((c) => c.values.map((v) => v.text));
}

function summarySection(lang: Lang, story: Story, nums: Numbers): Html {
  const disputed = disputedTexts(story.claims);
  return html`<section class="summary" aria-labelledby="h-summary"><h2 id="h-summary">${t(lang, "summary")}</h2>
<ol class="sentences" lang="ar" dir="rtl" data-verbatim>${story.summary.map((s) => html`<li>${markSubstrings(s.text, disputed, "disputed")} ${cite(lang, nums, s.sources, s.paraphrases)}</li>`)}</ol>
${story.summary.some((s) => s.paraphrases.length > 0) ? html`<p class="legend">${t(lang, "paraphraseLegend")}</p>` : ""}
</section>`;
}

/** A figure as the reader's words: qualifier, the number isolated, the unit in the plural form the number takes. */
export function figureHtml(lang: Lang, v: Pick<ClaimValue, "value" | "unit" | "qualifier">): Html {
  const p = figureParts(lang, v);
  const counted = p.counted === null ? null : (p.counted[pluralOf(lang, v.value)] ?? p.counted.other);
  const parts: Html[] = [];
  if (p.before !== "") parts.push(html`${p.before} `);
  if (counted !== null) {
    const [a = "", b = ""] = counted.split("{n}");
    parts.push(html`${a}${num(v.value)}${b}`);
  }
  if (p.after !== "") parts.push(html` ${verbatim(p.after)}`);
  return html`${parts}`;
}

function pluralOf(lang: Lang, n: number): "zero" | "one" | "two" | "few" | "many" | "other" {
  return new Intl.PluralRules(lang).select(n) as "zero" | "one" | "two" | "few" | "many" | "other";
}

/**
 * Figures the sources disagree on: each figure in words, the outlets that report it, the sentence it comes from,
 * the citation. Every number and Latin name is isolated, so «24 دولة» never reads «دولة 24».
 */
function claimsSection(lang: Lang, story: Story, nums: Numbers): Html {
  const against = story.claims.filter((c) => !c.agree);
  if (against.length === 0) return html``;
  // The outlet behind each figure; an article without a known publisher is named by its title.
  const outletOf = new Map(
    story.articles.map((a) => [a.id, a.publisher !== null ? outletName(a.publisher) : shortTitle(a.title)]),
  );
  return html`<section class="claims" aria-labelledby="h-claims"><h2 id="h-claims">${t(lang, "disagreements")}</h2>
${against.map(
  (c) =>
    html`<div class="claim disagree"><h3 lang="ar" data-verbatim>${verbatim(c.about)}</h3><ul>${c.values.map((v) => {
      const outlet = outletOf.get(v.article) ?? null;
      return html`<li><strong class="figure">${figureHtml(lang, v)}</strong> — ${t(lang, "reportedBy")} <span class="publisher" lang="ar" data-verbatim>${outlet === null || outlet === "" ? "—" : verbatim(outlet)}</span> ${cite(lang, nums, [v.article])}
<blockquote lang="ar" dir="rtl" data-verbatim>${verbatim(v.text)}</blockquote></li>`;
    })}</ul></div>`,
)}
</section>`;
}

function shortTitle(title: string): string {
  const words = title.trim().split(/\s+/u);
  return words.length <= 8 ? title.trim() : `${words.slice(0, 8).join(" ")}…`;
}

function timelineSection(lang: Lang, story: Story, nums: Numbers): Html {
  const events = story.timeline.map((e, i) => ({ date: e.date, text: e.text, n: i + 1 }));
  const days = story.articles.map((a) => a.published).filter((d): d is string => d !== null);
  // A story without dates has no timeline: no heading over nothing.
  if (events.length === 0 && days.length === 0) return html``;
  const chart = timelineChart(lang, { articleDays: days, events, label: t(lang, "chartLabel") });
  return html`<section class="timeline" aria-labelledby="h-timeline"><h2 id="h-timeline">${t(lang, "timeline")}</h2>
${chart}
${
  story.timeline.length > 0
    ? html`<ol class="events" lang="ar" dir="rtl" data-verbatim>${story.timeline.map((e, i) => html`<li id="tl-${i + 1}">${dateHtml(lang, e.date)} ${verbatim(e.text)} ${cite(lang, nums, e.sources)}</li>`)}</ol>`
    : ""
}
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

/** A link to an article by its title, or words saying it has none (a link is never empty). */
export function titleLink(lang: Lang, id: string, title: string): Html {
  return title.trim() === ""
    ? html`<a href="/articles/${seg(id)}" class="untitled">${t(lang, "untitled")}</a>`
    : html`<a href="/articles/${seg(id)}" lang="ar" dir="rtl" data-verbatim>${verbatim(title)}</a>`;
}

function sourcesSection(lang: Lang, story: Story, nums: Numbers): Html {
  const item = (
    a: StoryArticle,
    copy: boolean,
  ) => html`<li id="src-${nums.get(a.id) ?? 0}" class="${copy ? "source copy" : "source"}">
  <span class="n"><bdi>${nums.get(a.id) ?? ""}</bdi></span>
  ${titleLink(lang, a.id, a.title)}
  <span class="meta"><span class="publisher" data-verbatim>${a.publisher === null ? "—" : verbatim(outletName(a.publisher))}</span> · ${dateHtml(lang, a.published)}${copy ? html` · <span class="dup">${t(lang, "duplicates")} <bdi>[${nums.get(a.duplicateOf ?? "") ?? "?"}]</bdi></span>` : ""}</span>
</li>`;
  return html`<section class="sources" aria-labelledby="h-sources"><h2 id="h-sources">${t(lang, "sources")} (${count(lang, "sources", story.articles.length)})</h2>
<ol class="source-groups">${sourceGroups(story.articles).map((g) => {
    const [head, ...copies] = g;
    if (head === undefined) return html``;
    return html`<li class="group${copies.length > 0 ? " has-copies" : ""}"><ol>${item(head, false)}${copies.map((c) => item(c, true))}</ol>${
      copies.length > 0 ? html`<p class="copies-note">${count(lang, "copies", copies.length + 1)}</p>` : ""
    }</li>`;
  })}</ol>
</section>`;
}

function quoteItem(lang: Lang, q: StoryQuote, nums: Numbers): Html {
  return html`<li><q>${verbatim(q.text)}</q> ${cite(lang, nums, [q.article])}</li>`;
}

/** Quotes by speaker: the first few shown, the rest behind "show all" (a <details>, so it works without script). */
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
  return html`<section class="quotes" aria-labelledby="h-quotes"><h2 id="h-quotes">${t(lang, "quotes")} (${count(lang, "quotes", quotes.length)})</h2>
${[...by.values()].map((g) => {
  const shown = g.quotes.slice(0, QUOTES_SHOWN);
  const rest = g.quotes.slice(QUOTES_SHOWN);
  return html`<div class="speaker"><h3 lang="ar" data-verbatim>${g.id !== null ? html`<a href="/entities/${seg(g.id)}">${verbatim(g.name)}</a>` : verbatim(g.name)} <span class="meta">${count(lang, "quotes", g.quotes.length)}</span></h3>
<ul lang="ar" dir="rtl" data-verbatim>${shown.map((q) => quoteItem(lang, q, nums))}</ul>${
    rest.length > 0
      ? html`<details class="more-quotes"><summary>${t(lang, "showAll")}: ${count(lang, "hidden", rest.length)}</summary><ul lang="ar" dir="rtl" data-verbatim>${rest.map((q) => quoteItem(lang, q, nums))}</ul></details>`
      : ""
  }</div>`;
})}
</section>`;
}

function entitiesSection(lang: Lang, story: Story): Html {
  if (story.entities.length === 0) return html``;
  return html`<section class="entities" aria-labelledby="h-entities"><h2 id="h-entities">${t(lang, "entities")}</h2>
<ul class="chips">${story.entities.map((e) => html`<li><a class="chip ${e.type}" href="/entities/${seg(e.id)}" lang="ar" data-verbatim>${verbatim(e.name)}</a> <span class="meta">${typeLabel(lang, e.type)} · ${count(lang, "articles", e.articles)}</span></li>`)}</ul>
</section>`;
}

export function spanHtml(lang: Lang, from: string | null, to: string | null): Html {
  if (from === null && to === null) return html`${t(lang, "undated")}`;
  if (from === to || to === null) return dateHtml(lang, from);
  if (from === null) return dateHtml(lang, to);
  // In the page's own direction: in Arabic the first day is on the right, where reading starts.
  return html`<span class="range">${dateHtml(lang, from)} – ${dateHtml(lang, to)}</span>`;
}

export function storyBody(lang: Lang, story: Story, topic: { id: string; label: string } | null): Html {
  const nums: Numbers = new Map(story.articles.map((a, i) => [a.id, i + 1]));
  return html`<article class="story">
<h1 lang="ar" dir="rtl" data-verbatim>${story.title.trim() === "" ? t(lang, "untitled") : verbatim(story.title)}</h1>
<p class="meta">${spanHtml(lang, story.span.from, story.span.to)} · ${count(lang, "sources", story.articles.length)}${topic ? html` · ${t(lang, "topic")}: <a href="/topics/${seg(topic.id)}" lang="ar" data-verbatim>${verbatim(topic.label)}</a>` : ""}</p>
${claimsSection(lang, story, nums)}
${summarySection(lang, story, nums)}
${timelineSection(lang, story, nums)}
${sourcesSection(lang, story, nums)}
${quotesSection(lang, story.quotes, nums)}
${entitiesSection(lang, story)}
</article>`;
}
