import { test } from "node:test";
import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { blocksOf, type RawBlock, type WalkNode } from "../../src/extract/html/blocks.js";
import { refineBlocks } from "../../src/extract/html/refine.js";

/** Invented pages: the markup cues, not any site's text. */
function raw(html: string): RawBlock[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blocksOf((document as unknown as { body: WalkNode }).body);
}

function roles(html: string, title = "A headline nobody wrote"): string[] {
  return refineBlocks(raw(html), title).map((b) => `${b.role}: ${b.text}`);
}

const PROSE = [
  "The council met on Tuesday evening to weigh the new budget for the river district and its bridges.",
  "Members argued for three hours over the cost of repairs, and the vote was put off until next month.",
  "Residents who spoke at the meeting asked for the footbridge to be opened again before the winter comes.",
];
const paragraphs = (xs: readonly string[]) => xs.map((p) => `<p>${p}</p>`).join("");

test("blocks carry their share of link text, their figure and an image beside them", () => {
  const b = raw(
    `<p>Plain words and <a>a link</a> here.</p><p><a>All of this is a link</a></p>` +
      `<figure><img src="x.jpg"><p>Inside the figure</p></figure>` +
      `<div><p><img src="y.jpg"></p><p><span>Beside a picture</span></p></div>`,
  );
  assert.ok((b[0]?.linked ?? 0) > 0.2 && (b[0]?.linked ?? 0) < 0.5, String(b[0]?.linked));
  assert.equal(b[1]?.linked, 1);
  assert.equal(b[2]?.figure, true);
  assert.equal(b[3]?.withImage, true);
  assert.equal(b[0]?.withImage, undefined);
});

test("a run of links after the article is furniture, and so is the line that introduces it", () => {
  const r = roles(
    paragraphs(PROSE) +
      `<p>You might enjoy these</p><p><a>Bridge repairs begin in the north</a></p><p><a>Budget talks stall again</a></p>`,
  );
  assert.deepEqual(r.slice(3), [
    "chrome: You might enjoy these",
    "chrome: Bridge repairs begin in the north",
    "chrome: Budget talks stall again",
  ]);
  assert.ok(r.slice(0, 3).every((x) => x.startsWith("body:")));
});

test("a linked heading over a section of prose stays; one over a one-line teaser does not", () => {
  const long = [...PROSE, ...PROSE].join(" ");
  const r = roles(
    `${paragraphs(PROSE)}<h3><a>The footbridge</a></h3><p>${long}</p><h3><a>Other news</a></h3><p>Short.</p>`,
  );
  assert.ok(r.includes("subheading: The footbridge"), r.join("\n"));
  assert.ok(r.includes("chrome: Other news"), r.join("\n"));
});

test("text beside an image or inside a figure is its caption; a sentence of prose beside it is not", () => {
  const r = roles(
    paragraphs(PROSE) +
      `<div><p><img src="a.jpg"></p><p><span>The old footbridge over the river in spring</span></p></div>` +
      `<figure><img src="b.jpg"><div>Workers on the bridge</div></figure>`,
  );
  assert.ok(r.includes("caption: The old footbridge over the river in spring"), r.join("\n"));
  assert.ok(r.includes("caption: Workers on the bridge"), r.join("\n"));
  const prose = roles(`<div><p><img src="a.jpg"></p><p>${PROSE[0]}</p></div>${paragraphs(PROSE.slice(1))}`);
  assert.ok(prose[0]?.startsWith("body:"), prose.join("\n"));
});

test("a repeated block, header lines before the headline, a heading over no prose and lone labels are furniture", () => {
  const title = "Council delays the bridge vote";
  const r = roles(
    `<p>Log in</p><p>https://news.example.org/bridge-vote</p><h1>${title}</h1>${paragraphs(PROSE)}` +
      `<p>${PROSE[1]}</p><p>Close</p><h2>Latest stories</h2><p>Menu</p>`,
    title,
  );
  assert.deepEqual(r, [
    "chrome: Log in",
    "chrome: https://news.example.org/bridge-vote",
    `title-duplicate: ${title}`,
    ...PROSE.map((p) => `body: ${p}`),
    `chrome: ${PROSE[1]}`,
    "chrome: Close",
    "chrome: Latest stories",
    "chrome: Menu",
  ]);
});

test("gallery counters, contact lines, image credits, wire credits and the site's own prompts are not body", () => {
  const r = roles(
    paragraphs(PROSE) +
      "<p>Image 3 of 12</p><p>reporter@example.org</p><p>Photo: Jane Doe / Example Agency</p>" +
      "<p>(Reporting by Jane Doe and John Roe; editing by Ann Smith and Bob Stone in the capital city)</p>" +
      "<p>Sign up for our newsletter to get the day's top stories delivered to your inbox every morning.</p>" +
      "<p>This page may contain affiliate links, and we may earn a commission from them.</p>",
  );
  assert.deepEqual(
    r.slice(3).map((x) => x.split(":")[0]),
    ["chrome", "chrome", "caption", "attribution", "chrome", "chrome"],
  );
});

test("Arabic pages: the same structure rules (links, image captions, repeats)", () => {
  const ar = [
    "عقد المجلس البلدي اجتماعه مساء الثلاثاء لمناقشة ميزانية الحي الجديد وإصلاح الجسور القديمة.",
    "واستمر النقاش ثلاث ساعات حول كلفة الإصلاحات قبل أن يؤجل التصويت إلى الشهر المقبل.",
    "وطالب السكان الذين حضروا الاجتماع بإعادة فتح جسر المشاة قبل حلول فصل الشتاء.",
  ];
  const r = roles(
    paragraphs(ar) +
      `<div><p><img src="a.jpg"></p><p><span>جسر المشاة القديم فوق النهر</span></p></div>` +
      `<p>${ar[0]}</p><p><a>بدء أعمال الصيانة في الشمال</a></p><p><a>تعثر محادثات الميزانية</a></p>`,
    "عنوان لم يكتبه أحد",
  );
  assert.deepEqual(
    r.map((x) => x.split(":")[0]),
    ["body", "body", "body", "caption", "chrome", "chrome", "chrome"],
  );
});
