import type { TopicCard } from "../data/index.js";
import { html, seg, type Html } from "./html.js";
import { count, t, verbatim, type Lang } from "./i18n.js";
import { spanHtml } from "./story.js";

function storyList(lang: Lang, stories: TopicCard["stories"]): Html {
  return html`<ol class="topic-stories">${stories.map(
    (s) =>
      html`<li><a href="/stories/${seg(s.id)}" lang="ar" data-verbatim>${s.title.trim() === "" ? t(lang, "untitled") : verbatim(s.title)}</a> <span class="meta">${spanHtml(lang, s.from, s.to)} · ${count(lang, "sources", s.articles)}</span></li>`,
  )}</ol>`;
}

function topicLabel(lang: Lang, tp: TopicCard): Html {
  return tp.label.trim() === "" ? html`${t(lang, "untitled")}` : verbatim(tp.label);
}

/** The topics, each heading a link to its own page. */
export function topicsBody(lang: Lang, topics: readonly TopicCard[]): Html {
  return html`<h1>${t(lang, "topics")}</h1>
<ul class="topics">${topics.map(
    (tp) =>
      html`<li id="${tp.id}"><h2><a href="/topics/${seg(tp.id)}" lang="ar" data-verbatim>${topicLabel(lang, tp)}</a> <span class="meta">${count(lang, "stories", tp.stories.length)}</span></h2>${storyList(lang, tp.stories.slice(0, 5))}</li>`,
  )}</ul>`;
}

/** One topic: its stories over time, all of them. */
export function topicBody(lang: Lang, tp: TopicCard): Html {
  const dates = tp.stories
    .flatMap((s) => [s.from, s.to])
    .filter((d): d is string => d !== null)
    .sort();
  return html`<article class="topic">
<h1 lang="ar" dir="rtl" data-verbatim>${topicLabel(lang, tp)}</h1>
<p class="meta">${spanHtml(lang, dates[0] ?? null, dates[dates.length - 1] ?? null)} · ${count(lang, "stories", tp.stories.length)} · ${count(
    lang,
    "sources",
    tp.stories.reduce((n, s) => n + s.articles, 0),
  )}</p>
<section aria-labelledby="h-topic-stories"><h2 id="h-topic-stories">${t(lang, "river")}</h2>
${storyList(lang, tp.stories)}</section>
<p><a href="/topics">${t(lang, "topics")}</a></p>
</article>`;
}
