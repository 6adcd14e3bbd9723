/**
 * Checks run inside a page (passed to page.evaluate), so they see the DOM as the browser built it. Typed by hand:
 * the project's TypeScript has no DOM library.
 */

/** One problem found on a page: which rule, and the text or markup it is about. */
export interface PageProblem {
  rule: "isolation" | "english";
  text: string;
}

/**
 * In an Arabic page: (1) no text node mixes Arabic with a Latin or numeric run unless the run is isolated
 * (FSI…PDI); (2) a text node of Latin letters or digits sits in an isolate (<bdi>, an element with `dir`, an SVG
 * text) that holds no Arabic; (3) a Latin word is inside an element marked lang="en", or inside text quoted from an
 * article ([data-verbatim]). Attributes people hear (aria-label, title, alt, placeholder) follow rule 3.
 * Source of a function that runs in the page; returned as a string so it carries no Node-side closure.
 */
export const PAGE_CHECK = String(() => {
  type El = {
    tagName: string;
    namespaceURI: string | null;
    parentElement: El | null;
    textContent: string | null;
    hasAttribute(n: string): boolean;
    getAttribute(n: string): string | null;
    closest(sel: string): El | null;
  };
  type Txt = { nodeValue: string | null; parentElement: El | null };
  const doc = (
    globalThis as unknown as {
      document: {
        body: unknown;
        createTreeWalker(root: unknown, what: number): { nextNode(): Txt | null };
        querySelectorAll(s: string): Iterable<El>;
      };
    }
  ).document;
  const ARABIC = /\p{Script=Arabic}/u;
  const LTR = /[\p{Script=Latin}\d]/u;
  const WORD = /\p{Script=Latin}{2,}/u;
  const strip = (s: string) => s.replace(/\u2068[^\u2069]*\u2069/gu, "");
  const problems: Array<{ rule: "isolation" | "english"; text: string }> = [];
  const english = (el: El | null, text: string, checked = text) => {
    if (el === null || !WORD.test(strip(checked))) return;
    const lang = el.closest("[lang]")?.getAttribute("lang") ?? "";
    if (!lang.startsWith("en") && el.closest("[data-verbatim]") === null) problems.push({ rule: "english", text });
  };
  const walker = doc.createTreeWalker(doc.body, 4);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent === null || ["SCRIPT", "STYLE", "NOSCRIPT"].includes(parent.tagName)) continue;
    const raw = n.nodeValue ?? "";
    const text = strip(raw);
    if (!LTR.test(text)) continue;
    if (ARABIC.test(text)) {
      problems.push({ rule: "isolation", text: raw.trim().slice(0, 120) });
      continue;
    }
    const svgText = parent.namespaceURI === "http://www.w3.org/2000/svg" && parent.closest("text, title") !== null;
    let iso: El | null = parent;
    while (iso !== null && iso.tagName !== "BDI" && !iso.hasAttribute("dir")) iso = iso.parentElement;
    // An isolate holds the run apart from the Arabic around it: a left-to-right one may quote Arabic (isolated
    // inside it, rule 1 checks its own text nodes); any other must hold no Arabic at all.
    const ltrIsolate = iso !== null && iso.getAttribute("dir") === "ltr";
    if (!svgText && (iso === null || (!ltrIsolate && ARABIC.test(strip(iso.textContent ?? "")))))
      problems.push({ rule: "isolation", text: raw.trim().slice(0, 120) });
    english(parent, raw.trim().slice(0, 120));
  }
  for (const el of doc.querySelectorAll("[aria-label], [title], [alt], [placeholder]"))
    for (const a of ["aria-label", "title", "alt", "placeholder"]) {
      const v = el.getAttribute(a);
      if (v !== null) english(el, `${a}="${v}"`, v);
    }
  return problems;
});
