import { createHash } from "node:crypto";

/**
 * The fixed, site-disjoint split of the 90 visible Zyte pages into a tuning part and a checking part. A page's part
 * is decided by its site alone (host name, lower case, without a leading "www."): the first byte of the site's
 * SHA-256 below 128 puts it in the tuning part, else in the checking part. Two pages of one site always fall
 * together, so a rule learnt from a tuning page is never checked on the same site. Rules are written from failures
 * on the tuning part only; the checking part says whether they hold on sites they were not written for.
 */
export type ZytePart = "tuning" | "checking";

export function zyteSite(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./u, "");
}

export function zytePart(url: string): ZytePart {
  const first = createHash("sha256").update(zyteSite(url)).digest()[0] ?? 0;
  return first < 128 ? "tuning" : "checking";
}
