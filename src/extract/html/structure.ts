import type { Block, BlockRole } from "../../core/types.js";
import { foldCompact, words } from "../text/normalize.js";
import type { RawBlock } from "./blocks.js";

/**
 * What blocks say together that none says alone, judged after each block has its own role:
 *   - a block repeating an earlier one (a caption shown again in a gallery, a pull quote) is not the article twice;
 *   - short lines before the repeated headline belong to the page's header (sign-in links, the address, a section);
 *   - short lines that are mostly link text point to other pages (related articles, "Also: …", a menu), unless
 *     one is a heading over a section of prose (a title that links to its subject);
 *   - a short line that introduces a run of links ("You may also like", "More from …") goes with them;
 *   - a word or two standing alone among furniture is a control's label ("Close", "Caption", "Review");
 *   - a heading over no prose (every block up to the next heading of its level or higher is furniture, or there is
 *     none) heads furniture: "Related", "Latest news", an author box's name.
 */
export function settleStructure(raw: readonly RawBlock[], blocks: Block[]): Block[] {
  dropRepeats(blocks);
  dropHeader(blocks);
  dropLinkRuns(raw, blocks);
  dropLinkIntroducers(raw, blocks);
  dropLoneLabels(blocks);
  dropEmptySections(raw, blocks);
  return blocks;
}

const PROSE_ROLES: ReadonlySet<BlockRole> = new Set(["body", "subheading"]);

function dropRepeats(blocks: Block[]): void {
  const seen = new Map<string, BlockRole>();
  for (const b of blocks) {
    const key = foldCompact(b.text);
    if (key.length < 12) continue;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, b.role);
      continue;
    }
    if (PROSE_ROLES.has(b.role)) b.role = PROSE_ROLES.has(earlier) ? "chrome" : earlier;
  }
}

/** The headline is found this early or it is not a header's end. */
const HEADER_REACH = 8;
/** A header line is short: a longer one before the headline is a standfirst. */
const HEADER_WORDS = 8;

function dropHeader(blocks: Block[]): void {
  const title = blocks.findIndex((b) => b.role === "title-duplicate");
  if (title < 0 || title > HEADER_REACH) return;
  for (const b of blocks.slice(0, title)) {
    if (PROSE_ROLES.has(b.role) && words(b.text).length <= HEADER_WORDS) b.role = "chrome";
  }
}

/** Mostly link text (share of characters inside <a>). */
const LINKED = 0.5;
/**
 * A linked heading over at least this much prose titles a section of the article (a product in a guide, linked to
 * where it is sold); over less, it is a teaser (a related article's headline and its one-line summary).
 */
const SECTION_WORDS = 80;

function dropLinkRuns(raw: readonly RawBlock[], blocks: Block[]): void {
  const linkLine = raw.map((r, i) => (r.linked ?? 0) >= LINKED && PROSE_ROLES.has(blocks[i]?.role ?? "chrome"));
  linkLine.forEach((l, i) => {
    if (l && !(raw[i]?.heading !== undefined && sectionWords(raw, blocks, i) >= SECTION_WORDS))
      (blocks[i] as Block).role = "chrome";
  });
}

/** Words of unlinked prose under heading `i`, up to the next heading. */
function sectionWords(raw: readonly RawBlock[], blocks: readonly Block[], i: number): number {
  let n = 0;
  for (let j = i + 1; j < blocks.length && raw[j]?.heading === undefined; j++) {
    if (blocks[j]?.role === "body" && (raw[j]?.linked ?? 0) < LINKED) n += words(blocks[j]?.text ?? "").length;
  }
  return n;
}

const INTRO_WORDS = 8;

function dropLinkIntroducers(raw: readonly RawBlock[], blocks: Block[]): void {
  for (let i = 0; i + 2 < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (!PROSE_ROLES.has(b.role) || words(b.text).length > INTRO_WORDS) continue;
    if (isLinkChrome(raw, blocks, i + 1) && isLinkChrome(raw, blocks, i + 2)) b.role = "chrome";
  }
}

function isLinkChrome(raw: readonly RawBlock[], blocks: readonly Block[], i: number): boolean {
  return blocks[i]?.role === "chrome" && (raw[i]?.linked ?? 0) > 0;
}

function dropEmptySections(raw: readonly RawBlock[], blocks: Block[]): void {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const level = raw[i]?.heading;
    if (blocks[i]?.role !== "subheading" || level === undefined) continue;
    let prose = false;
    for (let j = i + 1; j < blocks.length; j++) {
      const next = raw[j]?.heading;
      if (next !== undefined && next <= level && blocks[j]?.role === "subheading") break;
      if (blocks[j]?.role === "body") {
        prose = true;
        break;
      }
    }
    if (!prose) (blocks[i] as Block).role = "chrome";
  }
}

/** At most this many words, and no sentence end, make a label. */
const LABEL_WORDS = 2;

function dropLoneLabels(blocks: Block[]): void {
  blocks.forEach((b, i) => {
    if (b.role !== "body" || words(b.text).length > LABEL_WORDS || /[.!?؟…:]$/u.test(b.text)) return;
    if (blocks[i - 1]?.role !== "body" && blocks[i + 1]?.role !== "body") b.role = "chrome";
  });
}
