/**
 * HTML built only through the `html` tag: every interpolated value is escaped unless it is already `Safe` (built by
 * `html` itself). Article text is untrusted (titles, names, quotes come from the pages ingested), so there is no
 * other way to put a string into a page.
 */
export class Safe {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/gu, (ch) => ESCAPES[ch] ?? ch);
}

export type Html = Safe;
type Part = Safe | string | number | boolean | null | undefined | readonly Part[];

function render(v: Part): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof Safe) return v.value;
  if (Array.isArray(v)) return (v as readonly Part[]).map(render).join("");
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Safe {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return new Safe(out);
}

/** A URL path with its parameters, each escaped for a URL; the caller still puts it through `html` (attribute). */
export function href(path: string, params: Record<string, string | number | undefined | null> = {}): string {
  const q = Object.entries(params)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== "")
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("&");
  return q === "" ? path : `${path}?${q}`;
}

/** A path segment for an id (ids are ours, but a name may be used as an id, so it is encoded like any input). */
export function seg(id: string): string {
  return encodeURIComponent(id);
}
