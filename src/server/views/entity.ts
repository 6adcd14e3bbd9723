import type { EntityCard, EntityView } from "../data/index.js";
import { html, href, seg, type Html } from "./html.js";
import { count, dateHtml, outletName, t, typeLabel, verbatim, type Lang } from "./i18n.js";
import { spanHtml, titleLink } from "./story.js";

export function entityBody(lang: Lang, e: EntityView): Html {
  return html`<article class="entity">
<h1 lang="ar" dir="rtl" data-verbatim>${verbatim(e.name)}</h1>
<p class="meta">${typeLabel(lang, e.type)} · ${count(lang, "articles", e.articleCount)}</p>
${e.alternatives.length > 0 ? html`<p class="notice">${e.alternatives.map((a) => html`<a href="/entities/${seg(a.id)}" lang="ar" data-verbatim>${verbatim(a.name)}</a> (${typeLabel(lang, a.type)}) `)}</p>` : ""}
<section aria-labelledby="h-names"><h2 id="h-names">${t(lang, "names")}</h2>
<ul class="chips names" lang="ar" data-verbatim>${e.names.map((n) => html`<li class="chip">${verbatim(n)}</li>`)}</ul></section>
<section aria-labelledby="h-stories"><h2 id="h-stories">${t(lang, "storiesOf")}</h2>
${
  e.stories.length === 0
    ? html`<p class="notice not-available">${t(lang, "river")} — ${t(lang, "notAvailable")}.</p>`
    : html`<ol class="entity-stories">${e.stories.map((s) => html`<li>${spanHtml(lang, s.from, s.to)} <a href="/stories/${seg(s.id)}" lang="ar" data-verbatim>${s.title.trim() === "" ? t(lang, "untitled") : verbatim(s.title)}</a> <span class="meta">${count(lang, "articles", s.articles)}</span></li>`)}</ol>`
}
</section>
${
  e.quotes.length > 0
    ? html`<section aria-labelledby="h-quotes"><h2 id="h-quotes">${t(lang, "quotes")}</h2>
<ul class="entity-quotes">${e.quotes.map((q) => html`<li><q lang="ar" dir="rtl" data-verbatim>${verbatim(q.text)}</q> — ${titleLink(lang, q.article.id, q.article.title)} <span class="meta"><span data-verbatim>${q.article.outlet === null ? "" : verbatim(outletName(q.article.outlet))}</span> ${dateHtml(lang, q.article.published)}</span></li>`)}</ul></section>`
    : ""
}
<section aria-labelledby="h-articles"><h2 id="h-articles">${t(lang, "articlesOf")}${e.articles.length < e.articleCount ? html` (${t(lang, "latest")} ${count(lang, "articles", e.articles.length)})` : ""}</h2>
<ul class="articles">${e.articles.map((a) => html`<li>${titleLink(lang, a.id, a.title)} <span class="meta">${dateHtml(lang, a.published)} · ${count(lang, "mentions", a.mentions)}</span></li>`)}</ul>
<p><a href="${href("/search", { entity: e.id, q: e.name })}">${t(lang, "search")}</a></p></section>
</article>`;
}

export function entitiesBody(lang: Lang, list: readonly EntityCard[], q: string | undefined): Html {
  return html`<h1>${t(lang, "entities")}</h1>
<form class="filter" method="get" action="/entities" role="search"><input type="search" name="q" value="${q ?? ""}" lang="ar" dir="rtl" aria-label="${t(lang, "entity")}"> <button type="submit">${t(lang, "go")}</button></form>
${list.length === 0 ? html`<p class="notice">${t(lang, "noResults")}</p>` : html`<ul class="entity-list">${list.map((e) => html`<li><a class="chip ${e.type}" href="/entities/${seg(e.id)}" lang="ar" data-verbatim>${verbatim(e.name)}</a> <span class="meta">${typeLabel(lang, e.type)} · ${count(lang, "articles", e.articles)}</span></li>`)}</ul>`}`;
}
