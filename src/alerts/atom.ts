import { alertKey, type Alert } from "./read.js";
import type { Watchlist } from "./watchlists.js";

/** XML 1.0 forbids most control characters even escaped: they are dropped. */
function allowed(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) && c !== 0xfffe && c !== 0xffff;
}

function xml(s: string): string {
  return Array.from(s)
    .filter(allowed)
    .join("")
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(/"/gu, "&quot;");
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A watchlist's alerts as an Atom feed (RFC 4287), so any feed reader, or a mail or chat bridge, can follow it.
 * One entry per alert (a story, or an outlet a followed story gained), its id stable across reads (alertKey): a
 * reader shows each once. The kind is the entry's category; an outlet alert's title names the outlet.
 */
export function atomFeed(w: Watchlist, alerts: readonly Alert[], base: string): string {
  const self = new URL(`/watchlists/${encodeURIComponent(w.id)}/atom`, base).toString();
  const updated = alerts.length > 0 ? Math.max(...alerts.map((a) => a.createdMs)) : w.createdMs;
  const entries = alerts.map((a) => {
    const link = new URL(a.link, base).toString();
    return `<entry>
<id>urn:rasd:alert:${xml(alertKey(a))}</id>
<title>${xml(a.newOutlet === null ? a.story.title : `${a.story.title} · + ${a.newOutlet}`)}</title>
<category term="${a.kind}"/>
<link rel="alternate" type="text/html" href="${xml(link)}"/>
<updated>${iso(a.createdMs)}</updated>
<summary xml:lang="ar">${xml(a.sentence)}</summary>
${a.article.outlet ? `<author><name>${xml(a.article.outlet)}</name></author>` : ""}
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
<id>urn:rasd:watchlist:${xml(w.id)}</id>
<title>rasd · ${xml(w.name)}</title>
<link rel="self" type="application/atom+xml" href="${xml(self)}"/>
<updated>${iso(updated)}</updated>
<author><name>rasd</name></author>
${entries.join("\n")}
</feed>
`;
}
