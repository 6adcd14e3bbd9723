import type { Article } from "../../core/types.js";
import { englishText } from "./bidi.js";
import { html, seg, type Html } from "./html.js";
import { dateHtml, outletName, t, typeLabel, verbatim, type Lang, type LabelKey } from "./i18n.js";

export interface ArticleLinks {
  story: string | null;
  storyTitle: string | null;
  duplicateOf: string | null;
}

/** Where the article's date comes from, in words, with rasd's own record of the evidence folded below. */
function dateReason(lang: Lang, a: Article): Html {
  const p = a.published;
  const why =
    p.date === null || p.source === undefined ? t(lang, "dateNone") : t(lang, `dateSource_${p.source}` as LabelKey);
  return html`<details class="date-why"><summary>${t(lang, "dateWhy")}</summary>
<p>${why}${p.candidates.length > 1 ? html` · ${p.candidates.map((c) => html`${dateHtml(lang, c)} `)}` : ""}</p>
${p.evidence.trim() !== "" ? html`<p class="evidence"><span>${t(lang, "dateEvidence")}:</span> <span lang="en" dir="ltr">${englishText(p.evidence)}</span></p>` : ""}
</details>`;
}

/** One stored article as rasd read it: metadata, why its date, the clean text by paragraph, its entities. */
export function articleBody(lang: Lang, a: Article, links: ArticleLinks): Html {
  const paragraphs = a.blocks.filter((b) => b.role === "body" || b.role === "subheading");
  const captions = a.blocks.filter((b) => b.role === "caption");
  const publisher = a.publisher.name === null ? "—" : outletName(a.publisher.name);
  return html`<article class="article">
<h1 lang="${a.lang}" dir="${a.dir ?? "rtl"}" data-verbatim>${a.title.trim() === "" ? t(lang, "untitled") : verbatim(a.title)}</h1>
<div class="article-meta">
<p class="meta">${t(lang, "publisher")}: <span data-verbatim>${verbatim(publisher)}${a.attribution ? html` (${verbatim(a.attribution)})` : ""}</span> · ${t(lang, "published")}: ${dateHtml(lang, a.published.date)}
${a.source.url !== undefined && /^https?:\/\//u.test(a.source.url) ? html` · <a href="${a.source.url}" rel="noopener noreferrer nofollow" dir="ltr" data-verbatim>${a.source.url}</a>` : ""}</p>
${dateReason(lang, a)}
${links.story !== null ? html`<p class="meta">${t(lang, "story")}: <a href="/stories/${seg(links.story)}" lang="ar" data-verbatim>${verbatim(links.storyTitle ?? links.story)}</a></p>` : ""}
${links.duplicateOf !== null ? html`<p class="meta">${t(lang, "duplicates")} <a href="/articles/${seg(links.duplicateOf)}"><bdi data-verbatim>${links.duplicateOf}</bdi></a></p>` : ""}
</div>
<div class="article-text" lang="${a.lang}" dir="${a.dir ?? "rtl"}" data-verbatim>
${captions.map((c) => html`<p class="caption" lang="${c.lang}" dir="auto">${verbatim(c.text)}</p>`)}
${paragraphs.length > 0 ? paragraphs.map((p) => (p.role === "subheading" ? html`<h2>${verbatim(p.text)}</h2>` : html`<p>${verbatim(p.text)}</p>`)) : html`<p>${verbatim(a.text)}</p>`}
</div>
${
  a.entities.length > 0
    ? html`<section aria-labelledby="h-art-entities"><h2 id="h-art-entities">${t(lang, "entities")}</h2><ul class="chips">${a.entities.map(
        (e) =>
          html`<li><a class="chip ${e.type}" href="/entities/${seg(e.id)}" lang="ar" data-verbatim>${verbatim(e.name)}</a> <span class="meta">${typeLabel(lang, e.type)}</span></li>`,
      )}</ul></section>`
    : ""
}
</article>`;
}
