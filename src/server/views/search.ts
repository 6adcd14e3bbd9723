import type { SearchResult } from "../../search/index.js";
import { latinIsolated } from "./bidi.js";
import { html, href, type Html } from "./html.js";
import { count, dateHtml, outletName, t, verbatim, type Lang } from "./i18n.js";
import { markRanges } from "./marks.js";
import { titleLink } from "./story.js";

export interface SearchForm {
  q?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  outlet?: string | undefined;
  entity?: string | undefined;
}

function form(lang: Lang, f: SearchForm, outlets: readonly string[]): Html {
  return html`<form class="search-form" method="get" action="/search" role="search">
<label>${t(lang, "query")} <input type="search" name="q" id="q" value="${f.q ?? ""}" lang="ar" dir="rtl" required maxlength="500" aria-describedby="q-hint"></label>
<p class="hint" id="q-hint">${t(lang, "queryHint")}</p>
<label>${t(lang, "since")} <input type="date" name="since" id="since" value="${f.since ?? ""}"></label>
<label>${t(lang, "until")} <input type="date" name="until" id="until" value="${f.until ?? ""}"></label>
<label>${t(lang, "outlet")} <select name="outlet" id="outlet"><option value="">${t(lang, "anyOutlet")}</option>${outlets.map(
    (o) => html`<option value="${o}"${o === f.outlet ? html` selected` : ""}>${outletName(o)}</option>`,
  )}</select></label>
<label>${t(lang, "entity")} <input type="text" name="entity" id="entity" value="${f.entity ?? ""}" lang="ar" dir="rtl" maxlength="200"></label>
<button type="submit">${t(lang, "go")}</button>
</form>`;
}

/** Links to the same search as CSV (for Excel) and JSON Lines, through the export API. */
function exportLinks(lang: Lang, f: SearchForm): Html {
  const q = { q: f.q, since: f.since, until: f.until, outlet: f.outlet, entity: f.entity };
  return html`<p class="export"><span>${t(lang, "export")}:</span> <a href="${href("/api/export", { ...q, format: "csv" })}" download>${latinIsolated(t(lang, "exportCsv"))}</a> · <a href="${href("/api/export", { ...q, format: "jsonl" })}" download lang="en" dir="ltr">${t(lang, "exportJson")}</a></p>`;
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
${error !== null ? html`<p class="notice error" role="alert">${lang === "ar" ? latinIsolated(error) : error}</p>` : ""}
${
  result === null
    ? ""
    : html`<p class="meta" id="result-count">${count(lang, "results", result.total)}</p>
${exportLinks(lang, f)}
${
  result.hits.length === 0
    ? html`<p class="notice">${t(lang, "noResults")}</p>`
    : html`<ol class="hits">${result.hits.map(
        (h) => html`<li class="hit"><h2>${titleLink(lang, h.id, h.title)}</h2>
<p class="meta"><span data-verbatim>${h.outlet === null ? "" : verbatim(outletName(h.outlet))}</span> · ${dateHtml(lang, h.published)}${
          (h.copies ?? []).length > 0
            ? html` · <span class="copies">${count(lang, "copies", (h.copies ?? []).length + 1)}</span>`
            : ""
        }</p>
<p class="snippet" lang="ar" dir="rtl" data-verbatim>${markRanges(h.snippet.text, h.snippet.highlights, "hl")}</p></li>`,
      )}</ol>`
}`
}`;
}
