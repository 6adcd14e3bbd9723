import type { UploadReport } from "../data/index.js";
import { englishText, fsiText, latinIsolated } from "./bidi.js";
import { html, seg, type Html } from "./html.js";
import { count, genericError, t, verbatim, type Lang } from "./i18n.js";

function ui(lang: Lang, s: string): Html {
  return lang === "ar" ? latinIsolated(s) : html`${s}`;
}

/** The last path segment of an input (uploads are stored under a temporary folder the reader never saw). */
function fileName(input: string): string {
  return input.split(/[\\/]/u).pop() ?? input;
}

/** A reason without the temporary folder uploads are read from (the uploader named only the file). */
function withoutUploadDir(reason: string): string {
  return reason.replace(/[^\s"'«\u2068]*rasd-uploads[\\/][0-9a-f]+[\\/]/gu, "");
}

/** Why a file failed: its Arabic reason when rasd has one, else what its kind means and the English technical one. */
function failureReason(lang: Lang, f: UploadReport["failures"][number]): Html {
  if (lang === "ar" && f.ar !== undefined) return html`<span class="reason">${fsiText(withoutUploadDir(f.ar))}</span>`;
  return html`${genericError(lang, f.code)} <span class="reason" lang="en" dir="ltr">${englishText(withoutUploadDir(f.reason))}</span>`;
}

/**
 * What an upload did, in sentences: how many articles were stored or already there, what could not be read and why,
 * and links to the stories they went into. Green only when nothing failed.
 */
function reportBlock(lang: Lang, r: UploadReport): Html {
  const state = r.failed > 0 ? (r.stored + r.existing > 0 ? "partial" : "failed") : "ok";
  const heading =
    state === "ok" ? t(lang, "ingestDone") : state === "partial" ? t(lang, "ingestPartial") : t(lang, "ingestNothing");
  const parts = [
    count(lang, "stored", r.stored),
    ...(r.existing > 0 ? [count(lang, "existing", r.existing)] : []),
    ...(r.failed > 0 ? [count(lang, "failed", r.failed)] : []),
  ];
  return html`<div class="notice ingest-report ${state === "ok" ? "ok" : "error"}" role="${state === "ok" ? "status" : "alert"}" id="ingest-report">
<h2>${heading}</h2>
<p>${count(lang, "files", r.files)} · ${count(lang, "documents", r.documents)}: ${parts.map((p, i) => html`${i > 0 ? "، " : ""}<span>${p}</span>`)}.</p>
${
  r.failures.length > 0
    ? html`<h3>${t(lang, "ingestFailures")}</h3><ul class="failures">${r.failures.map(
        (f) =>
          html`<li><bdi class="file" dir="ltr" data-verbatim>${fileName(f.input)}</bdi>: ${failureReason(lang, f)}</li>`,
      )}</ul>`
    : ""
}
${
  r.stories.length > 0
    ? html`<h3>${t(lang, "ingestStories")}</h3><ul class="ingest-stories">${r.stories.map(
        (s) =>
          html`<li><a href="/stories/${seg(s.id)}" lang="ar" data-verbatim>${s.title.trim() === "" ? t(lang, "untitled") : verbatim(s.title)}</a> <span class="meta">${count(lang, "articles", s.articles)}</span></li>`,
      )}</ul>`
    : ""
}
</div>`;
}

export function ingestBody(lang: Lang, writable: boolean, report: UploadReport | null, error: string | null): Html {
  return html`<h1>${t(lang, "ingest")}</h1>
${writable ? "" : html`<p class="notice not-available" role="status">${ui(lang, t(lang, "writesDisabled"))}</p>`}
${error !== null ? html`<p class="notice error" role="alert" id="ingest-error">${ui(lang, error)}</p>` : ""}
${report === null ? "" : reportBlock(lang, report)}
<form class="ingest-form" method="post" action="/ingest" enctype="multipart/form-data">
<label><span>${ui(lang, t(lang, "files"))}</span> <input type="file" name="file" id="file" multiple required accept=".txt,.html,.htm,.xml,.rss,.atom,.json,.jsonl,.gz"></label>
<label><span>${ui(lang, t(lang, "token"))}</span> <input type="password" name="token" id="token" autocomplete="off" required></label>
<button type="submit"${writable ? "" : html` disabled`}>${t(lang, "upload")}</button>
</form>`;
}
