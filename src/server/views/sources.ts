import type { Source } from "../../desk/sources.js";
import { html, type Html } from "./html.js";
import type { Lang } from "./i18n.js";
import { d } from "./desk-labels.js";

function when(ms: number | null): string {
  return ms === null || ms === 0 ? "" : new Date(ms).toISOString().slice(0, 19).replace("T", " ") + " UTC";
}

function row(lang: Lang, s: Source, writable: boolean, nowMs: number): Html {
  const state = s.paused ? d(lang, "paused") : s.failures > 0 ? `${d(lang, "failing")} (${s.failures})` : d(lang, "ok");
  const action = (name: "pause" | "resume" | "remove") =>
    html`<form method="post" action="/sources" class="inline"><input type="hidden" name="url" value="${s.url}"><input type="hidden" name="action" value="${name}"><input type="password" name="token" autocomplete="off" required placeholder="${d(lang, "token")}" aria-label="${d(lang, "token")}"><button type="submit"${writable ? "" : html` disabled`}>${d(lang, name)}</button></form>`;
  return html`<tr class="source${s.failures > 0 ? " failing" : ""}${s.paused ? " paused" : ""}" data-url="${s.url}">
<td dir="ltr" class="url">${s.url}</td>
<td class="state">${state}</td>
<td class="last-poll">${s.lastPolledMs === null ? d(lang, "never") : when(s.lastPolledMs)}</td>
<td class="status">${s.lastStatus === null ? "" : String(s.lastStatus)}</td>
<td class="items-today">${String(s.itemsToday)}</td>
<td class="last-error" dir="auto">${s.lastError ?? ""}</td>
<td class="backoff">${s.failures > 0 && s.nextPollMs > nowMs ? when(s.nextPollMs) : ""}</td>
<td class="actions">${s.paused ? action("resume") : action("pause")} ${action("remove")}</td>
</tr>`;
}

/** The sources page: each followed feed with its health, and a form to add one (the write token as a field). */
export function sourcesBody(
  lang: Lang,
  sources: readonly Source[],
  writable: boolean,
  notice: { ok: boolean; text: string } | null,
  nowMs = Date.now(),
): Html {
  return html`<h1>${d(lang, "sources")}</h1>
${writable ? "" : html`<p class="notice not-available" role="status">${d(lang, "writesDisabled")}</p>`}
${notice === null ? "" : html`<p class="notice ${notice.ok ? "ok" : "error"}" role="${notice.ok ? "status" : "alert"}" id="sources-notice">${notice.text}</p>`}
${
  sources.length === 0
    ? html`<p class="notice" id="no-sources">${d(lang, "noSources")}</p>`
    : html`<table class="sources" id="sources">
<thead><tr><th>URL</th><th>${d(lang, "state")}</th><th>${d(lang, "lastPoll")}</th><th>${d(lang, "httpStatus")}</th><th>${d(lang, "itemsToday")}</th><th>${d(lang, "lastError")}</th><th>${d(lang, "backoff")}</th><th></th></tr></thead>
<tbody>${sources.map((s) => row(lang, s, writable, nowMs))}</tbody>
</table>`
}
<form class="source-form" method="post" action="/sources" id="add-source">
<input type="hidden" name="action" value="add">
<label>${d(lang, "feedUrl")} <input type="url" name="url" id="source-url" dir="ltr" required></label>
<label>${d(lang, "interval")} <input type="number" name="interval" id="source-interval" min="0.05" step="any" value="300"></label>
<label>${d(lang, "token")} <input type="password" name="token" id="source-token" autocomplete="off" required></label>
<button type="submit" id="source-add"${writable ? "" : html` disabled`}>${d(lang, "add")}</button>
</form>`;
}
