import type { EntityCard, EntityView } from "../data/index.js";
import { html, href, seg, type Html } from "./html.js";
import { showDate, t, typeLabel, type Lang } from "./i18n.js";

export function entityBody(lang: Lang, e: EntityView): Html {
  return html`<article class="entity">
<h1 lang="ar" dir="rtl">${e.name}</h1>
<p class="meta">${typeLabel(lang, e.type)} · ${e.articles.length} ${t(lang, "articles")}</p>
${e.alternatives.length > 0 ? html`<p class="notice">${e.alternatives.map((a) => html`<a href="/entities/${seg(a.id)}" lang="ar">${a.name}</a> (${typeLabel(lang, a.type)}) `)}</p>` : ""}
<section aria-labelledby="h-names"><h2 id="h-names">${t(lang, "names")}</h2>
<ul class="chips names" lang="ar">${e.names.map((n) => html`<li class="chip">${n}</li>`)}</ul></section>
<section aria-labelledby="h-stories"><h2 id="h-stories">${t(lang, "storiesOf")}</h2>
${
  e.stories.length === 0
    ? html`<p class="notice not-available">${t(lang, "river")} — ${t(lang, "notAvailable")}.</p>`
    : html`<ol class="entity-stories">${e.stories.map((s) => html`<li><time>${showDate(lang, s.from)}${s.to !== s.from ? ` – ${showDate(lang, s.to)}` : ""}</time> <a href="/stories/${seg(s.id)}" lang="ar">${s.title}</a> <span class="meta">${s.articles}</span></li>`)}</ol>`
}
</section>
${
  e.quotes.length > 0
    ? html`<section aria-labelledby="h-quotes"><h2 id="h-quotes">${t(lang, "quotes")}</h2>
<ul class="entity-quotes" lang="ar" dir="rtl">${e.quotes.map((q) => html`<li><q>${q.text}</q> — <a href="/articles/${seg(q.article.id)}">${q.article.title}</a> <span class="meta">${q.article.outlet ?? ""} ${q.article.published ?? ""}</span></li>`)}</ul></section>`
    : ""
}
<section aria-labelledby="h-articles"><h2 id="h-articles">${t(lang, "articlesOf")}</h2>
<ul class="articles" lang="ar" dir="rtl">${e.articles.map((a) => html`<li><a href="/articles/${seg(a.id)}">${a.title}</a> <span class="meta">${showDate(lang, a.published)} · ${a.mentions} ${t(lang, "mentions")}</span></li>`)}</ul>
<p><a href="${href("/search", { entity: e.id, q: e.name })}">${t(lang, "search")}</a></p></section>
</article>`;
}

export function entitiesBody(lang: Lang, list: readonly EntityCard[], q: string | undefined): Html {
  return html`<h1>${t(lang, "entities")}</h1>
<form class="filter" method="get" action="/entities"><input type="search" name="q" value="${q ?? ""}" lang="ar" dir="rtl" aria-label="${t(lang, "entity")}"> <button type="submit">${t(lang, "go")}</button></form>
${list.length === 0 ? html`<p class="notice">${t(lang, "noResults")}</p>` : html`<ul class="entity-list">${list.map((e) => html`<li><a class="chip ${e.type}" href="/entities/${seg(e.id)}" lang="ar">${e.name}</a> <span class="meta">${typeLabel(lang, e.type)} · ${e.articles}</span></li>`)}</ul>`}`;
}
