import type { Source } from "../../desk/sources.js";
import { fsiText, num } from "./bidi.js";
import { html, type Html } from "./html.js";
import { t, type Lang } from "./i18n.js";

function when(ms: number | null): string {
  return ms === null || ms === 0 ? "" : new Date(ms).toISOString().slice(0, 19).replace("T", " ") + " UTC";
}

/** The feed's last error: in Arabic when rasd has it so, else the English message marked as such. */
function lastError(lang: Lang, s: Source): Html | string {
  if (s.lastError === null) return "";
  if (lang === "ar" && s.lastErrorAr !== null) return fsiText(s.lastErrorAr);
  return html`<span lang="en" dir="ltr">${s.lastError}</span>`;
}

function row(lang: Lang, s: Source, writable: boolean, nowMs: number): Html {
  const state = s.paused
    ? t(lang, "paused")
    : s.failures > 0
      ? html`${t(lang, "failing")} (${num(s.failures)})`
      : t(lang, "ok");
  const action = (name: "pause" | "resume" | "remove") =>
    html`<form method="post" action="/sources" class="inline"><input type="hidden" name="url" value="${s.url}"><input type="hidden" name="action" value="${name}"><input type="password" name="token" autocomplete="off" required placeholder="${t(lang, "token")}" aria-label="${t(lang, "token")}"><button type="submit"${writable ? "" : html` disabled`}>${t(lang, name)}</button></form>`;
  return html`<tr class="source${s.failures > 0 ? " failing" : ""}${s.paused ? " paused" : ""}" data-url="${s.url}">
<td dir="ltr" class="url">${s.url}</td>
<td class="state">${state}</td>
<td class="last-poll">${s.lastPolledMs === null ? t(lang, "never") : when(s.lastPolledMs)}</td>
<td class="status">${s.lastStatus === null ? "" : String(s.lastStatus)}</td>
<td class="items-today">${String(s.itemsToday)}</td>
<td class="last-error">${lastError(lang, s)}</td>
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
  return html`<h1>${t(lang, "sources")}</h1>
${writable ? "" : html`<p class="notice not-available" role="status">${t(lang, "writesDisabledSources")}</p>`}
${notice === null ? "" : html`<p class="notice ${notice.ok ? "ok" : "error"}" role="${notice.ok ? "status" : "alert"}" id="sources-notice">${notice.text}</p>`}
${
  sources.length === 0
    ? html`<p class="notice" id="no-sources">${t(lang, "noSources")}</p>`
    : html`<table class="sources" id="sources">
<thead><tr><th>URL</th><th>${t(lang, "state")}</th><th>${t(lang, "lastPoll")}</th><th>${t(lang, "httpStatus")}</th><th>${t(lang, "itemsToday")}</th><th>${t(lang, "lastError")}</th><th>${t(lang, "backoff")}</th><th></th></tr></thead>
<tbody>${sources.map((s) => row(lang, s, writable, nowMs))}</tbody>
</table>`
}
<form class="source-form" method="post" action="/sources" id="add-source">
<input type="hidden" name="action" value="add">
<label>${t(lang, "feedUrl")} <input type="url" name="url" id="source-url" dir="ltr" required></label>
<label>${t(lang, "interval")} <input type="number" name="interval" id="source-interval" min="0.05" step="any" value="300"></label>
<label>${t(lang, "token")} <input type="password" name="token" id="source-token" autocomplete="off" required></label>
<button type="submit" id="source-add"${writable ? "" : html` disabled`}>${t(lang, "add")}</button>
</form>`;
}
