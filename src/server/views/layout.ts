import { html, href, type Html } from "./html.js";
import { englishText, latinIsolated } from "./bidi.js";
import { d } from "./desk-labels.js";
import { t, type Lang } from "./i18n.js";

export interface PageInput {
  lang: Lang;
  title: string;
  /** The current path and query, for the language switch to come back to. */
  path: string;
  query: Record<string, string>;
  body: Html;
  active?: "river" | "topics" | "entities" | "search" | "ingest";
}

/**
 * Every page: right-to-left in Arabic (left-to-right chrome in English, the articles stay RTL), the bundled Naskh
 * font, one stylesheet and one script, both our own files (the CSP allows nothing inline).
 */
export function page(p: PageInput): Html {
  const other: Lang = p.lang === "ar" ? "en" : "ar";
  const nav = (key: NonNullable<PageInput["active"]>, url: string) =>
    html`<a href="${href(url)}"${p.active === key ? html` aria-current="page"` : ""}>${t(p.lang, key === "river" ? "river" : key)}</a>`;
  return html`<!DOCTYPE html>
<html lang="${p.lang}" dir="${p.lang === "ar" ? "rtl" : "ltr"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title} · ${t(p.lang, "appName")}</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
<script src="/static/desk.js" defer></script>
</head>
<body>
<a class="skip" href="#main">${t(p.lang, "skip")}</a>
<header class="top">
  <a class="brand" href="/">${t(p.lang, "appName")}</a>
  <nav aria-label="${t(p.lang, "mainNav")}">${nav("river", "/")} ${nav("topics", "/topics")} ${nav("entities", "/entities")} ${nav("search", "/search")} ${nav("ingest", "/ingest")} <a href="/breaking">${d(p.lang, "breaking")}</a> <a href="/sources">${d(p.lang, "sources")}</a> <a href="/alerts">${d(p.lang, "alerts")}</a></nav>
  <a class="lang" id="lang-switch" lang="${other}" dir="${other === "ar" ? "rtl" : "ltr"}" href="${href(p.path, { ...p.query, lang: other })}">${t(p.lang, "switchLang")}</a>
</header>
<main id="main" tabindex="-1">
${p.body}
</main>
<footer class="foot">${t(p.lang, "tagline")}</footer>
</body>
</html>`;
}

/** A plain notice that a capability has not landed: no placeholders, no invented content. */
export function notAvailableNote(lang: Lang, what: string): Html {
  return html`<p class="notice not-available" role="status">${what} — ${t(lang, "notAvailable")}.</p>`;
}

/**
 * The body of an error page: what happened in the reader's language, the technical message (English, for a bug
 * report) folded away and marked as English, and the way back.
 */
export function errorBody(lang: Lang, title: string, sentence: string, detail: string | null): Html {
  return html`<h1>${title}</h1>
<p class="notice error" role="alert">${label0(lang, sentence)}</p>
${detail !== null && detail !== sentence ? html`<details class="detail"><summary>${t(lang, "errorDetail")}</summary><p lang="en" dir="ltr">${englishText(detail)}</p></details>` : ""}
<p class="nav-back"><a href="/">${t(lang, "backHome")}</a> · <a href="/search">${t(lang, "search")}</a></p>`;
}

/** A sentence of the catalogue (not a key) with its Latin runs isolated and marked English. */
function label0(lang: Lang, sentence: string): Html {
  return lang === "ar" ? latinIsolated(sentence) : html`${sentence}`;
}
