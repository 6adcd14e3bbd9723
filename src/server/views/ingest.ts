import type { IngestReport } from "../../pipeline/ingest.js";
import { html, type Html } from "./html.js";
import { t, type Lang } from "./i18n.js";

export function ingestBody(lang: Lang, writable: boolean, report: IngestReport | null, error: string | null): Html {
  return html`<h1>${t(lang, "ingest")}</h1>
${writable ? "" : html`<p class="notice not-available" role="status">${t(lang, "writesDisabled")}</p>`}
${error !== null ? html`<p class="notice error" role="alert" id="ingest-error">${error}</p>` : ""}
${
  report === null
    ? ""
    : html`<p class="notice ok" role="status" id="ingest-report">${report.documents} → ${report.stored} ${t(lang, "stored")}, ${report.existing} ${t(lang, "existing")}, ${report.failed} ${t(lang, "failed")}</p>
${report.failures.length > 0 ? html`<ul class="failures">${report.failures.map((f) => html`<li>${f.reason}</li>`)}</ul>` : ""}`
}
<form class="ingest-form" method="post" action="/ingest" enctype="multipart/form-data">
<label>${t(lang, "files")} <input type="file" name="file" id="file" multiple required accept=".txt,.html,.htm,.xml,.rss,.atom,.json,.jsonl,.gz"></label>
<label>${t(lang, "token")} <input type="password" name="token" id="token" autocomplete="off" required></label>
<button type="submit"${writable ? "" : html` disabled`}>${t(lang, "upload")}</button>
</form>`;
}
