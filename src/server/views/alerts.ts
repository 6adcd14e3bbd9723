import type { Alert } from "../../alerts/read.js";
import type { Watchlist } from "../../alerts/watchlists.js";
import { html, seg, type Html } from "./html.js";
import { t, type Lang } from "./i18n.js";

const kinds = {
  entity: { ar: "كيان", en: "entity" },
  query: { ar: "بحث", en: "query" },
  outlet: { ar: "منفذ", en: "outlet" },
};

const newOutlet = { ar: "منفذ جديد", en: "new outlet" };

/** The alerts page: the unread count, the newest alerts, the watchlists with their Atom feeds, a form to add one. */
export function alertsBody(
  lang: Lang,
  alerts: readonly Alert[],
  unread: number,
  lists: readonly Watchlist[],
  writable: boolean,
  notice: { ok: boolean; text: string } | null,
): Html {
  return html`<h1>${t(lang, "alerts")} <span class="badge" id="unread" data-count="${String(unread)}">${String(unread)}</span></h1>
${notice === null ? "" : html`<p class="notice ${notice.ok ? "ok" : "error"}" role="${notice.ok ? "status" : "alert"}" id="alerts-notice">${notice.text}</p>`}
<ul class="alerts" id="alerts">${alerts.map(
    (
      a,
    ) => html`<li class="alert${a.read ? "" : " unread"}" data-kind="${a.kind}" data-story="${a.story.id}" data-watchlist="${a.watchlist.id}">
<h2 lang="ar" dir="rtl"><a href="/stories/${seg(a.story.id)}">${a.story.title}</a></h2>
${a.newOutlet === null ? "" : html`<p class="new-outlet">${newOutlet[lang]}: <bdi>${a.newOutlet}</bdi></p>`}
<p class="meta">${a.watchlist.name} · ${a.article.outlet ?? ""} · ${new Date(a.createdMs).toISOString().slice(0, 16).replace("T", " ")}</p>
<p lang="ar" dir="rtl">${a.sentence}</p>
</li>`,
  )}</ul>
<h2>${lang === "ar" ? "قوائم المتابعة" : "Watchlists"}</h2>
<ul class="watchlists" id="watchlists">${lists.map(
    (w) =>
      html`<li data-id="${w.id}">${w.name} <span class="meta">(${kinds[w.kind][lang]}: ${w.value})</span> · <a href="/watchlists/${seg(w.id)}/atom">Atom</a>${w.webhook ? html` · webhook` : ""}</li>`,
  )}</ul>
<form method="post" action="/alerts" class="watchlist-form" id="add-watchlist">
<label>${lang === "ar" ? "النوع" : "Kind"} <select name="kind" id="watch-kind">${(["entity", "query", "outlet"] as const).map((k) => html`<option value="${k}">${kinds[k][lang]}</option>`)}</select></label>
<label>${lang === "ar" ? "ما يتابع" : "Follow"} <input name="value" id="watch-value" required></label>
<label>Webhook <input type="url" name="webhook" id="watch-webhook" dir="ltr"></label>
<label>${t(lang, "token")} <input type="password" name="token" id="watch-token" autocomplete="off" required></label>
<button type="submit"${writable ? "" : html` disabled`}>${t(lang, "add")}</button>
</form>`;
}
