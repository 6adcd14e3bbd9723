import type { ArticleCard, StoryCard } from "../data/index.js";
import { html, href, seg, type Html } from "./html.js";
import { count, dateHtml, outletName, t, verbatim, type Lang } from "./i18n.js";
import { latinIsolated } from "./bidi.js";
import { spanHtml, titleLink } from "./story.js";

export function storyCard(lang: Lang, s: StoryCard): Html {
  return html`<li class="story-card">
  <h2>${s.title.trim() === "" ? html`<a href="/stories/${seg(s.id)}" class="untitled">${t(lang, "untitled")}</a>` : html`<a href="/stories/${seg(s.id)}" lang="ar" dir="rtl" data-verbatim>${verbatim(s.title)}</a>`}</h2>
  <p class="meta"><span class="span">${spanHtml(lang, s.span.from, s.span.to)}</span> · <span class="count">${count(lang, "sources", s.articles)}</span>
  ${s.outlets.length > 0 ? html` · <span class="outlets" lang="ar" data-verbatim>${verbatim(s.outlets.map(outletName).join("، "))}</span>` : ""}</p>
  ${
    s.entities.length > 0
      ? html`<p class="entities" lang="ar" data-verbatim>${s.entities.map((e) => html`<a class="chip ${e.type}" href="/entities/${seg(e.id)}">${verbatim(e.name)}</a> `)}</p>`
      : ""
  }
</li>`;
}

export function articleList(lang: Lang, articles: readonly ArticleCard[]): Html {
  return html`<ul class="articles">${articles.map(
    (a) =>
      html`<li>${titleLink(lang, a.id, a.title)} <span class="meta"><span data-verbatim>${a.outlet === null ? "" : verbatim(outletName(a.outlet))}</span> ${dateHtml(lang, a.published)}</span></li>`,
  )}</ul>`;
}

/**
 * Previous and next page links with names a screen reader says, the arrows pointing the way the page reads (in
 * Arabic the next page is to the left).
 */
export function pager(
  lang: Lang,
  path: string,
  offset: number,
  limit: number,
  hasMore: boolean,
  extra: Record<string, string> = {},
): Html {
  if (offset === 0 && !hasMore) return html``;
  const prevArrow = lang === "ar" ? "→" : "←";
  const nextArrow = lang === "ar" ? "←" : "→";
  const prev = Math.max(0, offset - limit);
  return html`<nav class="pager" aria-label="${t(lang, "pager")}">${
    offset > 0
      ? html`<a rel="prev" href="${href(path, { ...extra, offset: prev === 0 ? undefined : prev })}"><span aria-hidden="true">${prevArrow}</span> ${t(lang, "previous")}</a>`
      : ""
  }${hasMore ? html`<a rel="next" href="${href(path, { ...extra, offset: offset + limit })}">${t(lang, "next")} <span aria-hidden="true">${nextArrow}</span></a>` : ""}</nav>`;
}

export function riverBody(lang: Lang, stories: readonly StoryCard[], page: { offset: number; limit: number }): Html {
  const extra: Record<string, string> = page.limit === 30 ? {} : { limit: String(page.limit) };
  return html`<h1>${t(lang, "river")}</h1>
<ol class="river">${stories.map((s) => storyCard(lang, s))}</ol>
${pager(lang, "/", page.offset, page.limit, stories.length === page.limit, extra)}
<p class="export"><span>${t(lang, "export")}:</span> <a href="/api/export?format=csv" download>${verbatimUi(lang, t(lang, "exportCsv"))}</a> · <a href="/api/export?format=jsonl" download lang="en" dir="ltr">${t(lang, "exportJson")}</a></p>`;
}

/** The river of a store with articles but no stories: say so, and show the real articles instead. */
export function riverWithoutStories(lang: Lang, latest: readonly ArticleCard[]): Html {
  return html`<h1>${t(lang, "river")}</h1>
<p class="notice not-available" role="status">${t(lang, "noStories")}</p>
${articleList(lang, latest)}`;
}

export function emptyStore(lang: Lang): Html {
  return html`<h1>${t(lang, "river")}</h1><p class="notice" role="status">${verbatimUi(lang, t(lang, "empty"))} <a href="/ingest">${t(lang, "ingest")}</a></p>`;
}

function verbatimUi(lang: Lang, s: string): Html {
  return lang === "ar" ? latinIsolated(s) : html`${s}`;
}
