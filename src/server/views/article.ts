import type { Article } from "../../core/types.js";
import { html, seg, type Html } from "./html.js";
import { showDate, t, typeLabel, type Lang } from "./i18n.js";

export interface ArticleLinks {
  story: string | null;
  storyTitle: string | null;
  duplicateOf: string | null;
}

/** One stored article as rasd read it: metadata, the clean text by paragraph, its entities. */
export function articleBody(lang: Lang, a: Article, links: ArticleLinks): Html {
  const paragraphs = a.blocks.filter((b) => b.role === "body" || b.role === "subheading");
  const captions = a.blocks.filter((b) => b.role === "caption");
  return html`<article class="article" lang="${a.lang}" dir="${a.dir ?? "rtl"}">
<h1>${a.title}</h1>
<p class="meta" lang="${lang}" dir="auto">${t(lang, "publisher")}: ${a.publisher.name ?? "—"}${a.attribution ? ` (${a.attribution})` : ""} · ${t(lang, "published")}: ${showDate(lang, a.published.date)}
${a.source.url !== undefined && /^https?:\/\//u.test(a.source.url) ? html` · <a href="${a.source.url}" rel="noopener noreferrer nofollow">${a.source.url}</a>` : ""}</p>
${links.story !== null ? html`<p class="meta">${t(lang, "story")}: <a href="/stories/${seg(links.story)}">${links.storyTitle ?? links.story}</a></p>` : ""}
${links.duplicateOf !== null ? html`<p class="meta">${t(lang, "duplicates")} <a href="/articles/${seg(links.duplicateOf)}">${links.duplicateOf}</a></p>` : ""}
${captions.map((c) => html`<p class="caption" lang="${c.lang}" dir="auto">${c.text}</p>`)}
${paragraphs.length > 0 ? paragraphs.map((p) => (p.role === "subheading" ? html`<h2>${p.text}</h2>` : html`<p>${p.text}</p>`)) : html`<p>${a.text}</p>`}
${
  a.entities.length > 0
    ? html`<section lang="${lang}"><h2>${t(lang, "entities")}</h2><ul class="chips">${a.entities.map(
        (e) =>
          html`<li><a class="chip ${e.type}" href="/entities/${seg(e.id)}" lang="ar">${e.name}</a> <span class="meta">${typeLabel(lang, e.type)}</span></li>`,
      )}</ul></section>`
    : ""
}
</article>`;
}
