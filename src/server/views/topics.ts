import type { TopicCard } from "../data/index.js";
import { html, seg, type Html } from "./html.js";
import { showDate, t, type Lang } from "./i18n.js";

export function topicsBody(lang: Lang, topics: readonly TopicCard[]): Html {
  return html`<h1>${t(lang, "topics")}</h1>
<ul class="topics">${topics.map(
    (tp) =>
      html`<li id="${tp.id}"><h2 lang="ar">${tp.label}</h2><ol>${tp.stories.map(
        (s) =>
          html`<li><a href="/stories/${seg(s.id)}" lang="ar">${s.title}</a> <span class="meta">${showDate(lang, s.from)} · ${s.articles}</span></li>`,
      )}</ol></li>`,
  )}</ul>`;
}
