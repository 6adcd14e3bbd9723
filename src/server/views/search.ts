import type { SearchResult } from "../../search/index.js";
import { html, seg, type Html } from "./html.js";
import { showDate, t, type Lang } from "./i18n.js";
import { markRanges } from "./marks.js";

export interface SearchForm {
  q?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  outlet?: string | undefined;
  entity?: string | undefined;
}

function form(lang: Lang, f: SearchForm, outlets: readonly string[]): Html {
  return html`<form class="search-form" method="get" action="/search" role="search">
<label>${t(lang, "query")} <input type="search" name="q" id="q" value="${f.q ?? ""}" lang="ar" dir="rtl" required maxlength="500"></label>
<label>${t(lang, "since")} <input type="date" name="since" id="since" value="${f.since ?? ""}"></label>
<label>${t(lang, "until")} <input type="date" name="until" id="until" value="${f.until ?? ""}"></label>
<label>${t(lang, "outlet")} <select name="outlet" id="outlet"><option value="">${t(lang, "anyOutlet")}</option>${outlets.map(
    (o) => html`<option value="${o}"${o === f.outlet ? html` selected` : ""}>${o}</option>`,
  )}</select></label>
<label>${t(lang, "entity")} <input type="text" name="entity" id="entity" value="${f.entity ?? ""}" lang="ar" dir="rtl" maxlength="200"></label>
<button type="submit">${t(lang, "go")}</button>
</form>`;
}

export function searchBody(
  lang: Lang,
  f: SearchForm,
  outlets: readonly string[],
  result: SearchResult | null,
  error: string | null,
): Html {
  return html`<h1>${t(lang, "search")}</h1>
${form(lang, f, outlets)}
${error !== null ? html`<p class="notice error" role="alert">${error}</p>` : ""}
${
  result === null
    ? ""
    : html`<p class="meta" id="result-count">${result.total} ${t(lang, "results")}</p>
${
  result.hits.length === 0
    ? html`<p class="notice">${t(lang, "noResults")}</p>`
    : html`<ol class="hits">${result.hits.map(
        (h) => html`<li class="hit"><h2 lang="ar" dir="rtl"><a href="/articles/${seg(h.id)}">${h.title}</a></h2>
<p class="meta">${h.outlet ?? ""} · ${showDate(lang, h.published)}</p>
<p class="snippet" lang="ar" dir="rtl">${markRanges(h.snippet.text, h.snippet.highlights, "hl")}</p></li>`,
      )}</ol>`
}`
}`;
}
