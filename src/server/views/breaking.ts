import type { Momentum } from "../../desk/momentum.js";
import { html, seg, type Html } from "./html.js";
import type { Lang } from "./i18n.js";
import { d } from "./desk-labels.js";

/** The river by momentum: stories that grew fastest against their own earlier rate; the score explained on hover. */
export function breakingBody(lang: Lang, stories: readonly Momentum[]): Html {
  return html`<h1>${d(lang, "breaking")}</h1>
${
  stories.length === 0
    ? html`<p class="notice" id="no-breaking">${d(lang, "noBreaking")}</p>`
    : html`<ol class="river breaking" id="breaking">${stories.map(
        (s) => html`<li class="story-card" data-id="${s.id}" data-score="${s.score.toFixed(3)}">
<h2 lang="ar" dir="rtl"><a href="/stories/${seg(s.id)}">${s.title}</a></h2>
<p class="meta"><span class="burst" title="${s.why}">▲ ${s.score.toFixed(1)}</span> · ${String(s.articles)} · ${String(s.outlets)}</p>
</li>`,
      )}</ol>`
}`;
}
