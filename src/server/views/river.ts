import type { ArticleCard, StoryCard } from "../data/index.js";
import { html, href, seg, type Html } from "./html.js";
import { showDate, t, type Lang } from "./i18n.js";

function span(lang: Lang, s: StoryCard["span"]): string {
  if (s.from === null && s.to === null) return t(lang, "undated");
  if (s.from === s.to || s.to === null) return showDate(lang, s.from);
  return `${showDate(lang, s.from)} – ${showDate(lang, s.to)}`;
}

export function storyCard(lang: Lang, s: StoryCard): Html {
  return html`<li class="story-card">
  <h2 lang="ar" dir="rtl"><a href="/stories/${seg(s.id)}">${s.title}</a></h2>
  <p class="meta"><span class="span">${span(lang, s.span)}</span> · <span class="count">${s.articles} ${t(lang, "sourcesN")}</span>
  ${s.outlets.length > 0 ? html` · <span class="outlets" lang="ar">${s.outlets.join("، ")}</span>` : ""}</p>
  ${
    s.entities.length > 0
      ? html`<p class="entities" lang="ar">${s.entities.map((e) => html`<a class="chip ${e.type}" href="/entities/${seg(e.id)}">${e.name}</a> `)}</p>`
      : ""
  }
</li>`;
}

export function articleList(articles: readonly ArticleCard[]): Html {
  return html`<ul class="articles">${articles.map(
    (a) =>
      html`<li lang="ar" dir="rtl"><a href="/articles/${seg(a.id)}">${a.title}</a> <span class="meta">${a.outlet ?? ""} ${a.published ?? ""}</span></li>`,
  )}</ul>`;
}

export function riverBody(lang: Lang, stories: readonly StoryCard[], more: { offset: number } | null): Html {
  return html`<h1>${t(lang, "river")}</h1>
<ol class="river">${stories.map((s) => storyCard(lang, s))}</ol>
${more ? html`<p class="more"><a href="${href("/", { offset: more.offset })}">→</a></p>` : ""}`;
}

/** The river of a store with articles but no stories: say so, and show the real articles instead. */
export function riverWithoutStories(lang: Lang, latest: readonly ArticleCard[]): Html {
  return html`<h1>${t(lang, "river")}</h1>
<p class="notice not-available" role="status">${t(lang, "noStories")}</p>
${articleList(latest)}`;
}

export function emptyStore(lang: Lang): Html {
  return html`<h1>${t(lang, "river")}</h1><p class="notice" role="status">${t(lang, "empty")} <a href="/ingest">${t(lang, "ingest")}</a></p>`;
}
