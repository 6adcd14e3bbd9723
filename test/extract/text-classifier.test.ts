import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { classifyLines } from "../../src/extract/text/classify.js";
import { extractFrom } from "./helpers.js";

/**
 * Invented pages (our own sentences, no site's text) in the shapes scraped Arabic news takes, so the classifier is
 * held to what it should generalise to, not only to the five seeds.
 */
const P1 =
  "قال وزير الزراعة في مؤتمر صحفي عقده صباح اليوم إن الحكومة ستوزع البذور على المزارعين في المحافظات الجنوبية قبل بدء الموسم.";
const P2 =
  "وأضاف الوزير أن الخطة تشمل إنشاء ثلاثة مراكز جديدة لتخزين الحبوب وتدريب نحو ألفي مزارع على أساليب الري الحديثة.";
const P3 =
  "من جهتها رحبت نقابة الفلاحين بالقرار، مطالبة بزيادة الدعم المخصص للأسمدة وتسهيل حصول صغار المزارعين على القروض الميسرة.";
const P4 =
  "ويأتي الإعلان بعد أشهر من الجفاف الذي ضرب المنطقة وأدى إلى تراجع إنتاج القمح بنسبة كبيرة مقارنة بالعام الماضي.";
const TITLE = "الحكومة تعلن خطة لدعم المزارعين قبل الموسم الجديد";

function rolesOf(lines: string[]): Map<string, string> {
  const c = classifyLines(lines.join("\n"));
  return new Map(c.lines.map((l) => [l.f.text, l.role]));
}

test("site name and menu before the title are chrome; the headline is the title", () => {
  const r = rolesOf(["موقع الخبر", "الرئيسية", "أخبار محلية", TITLE, "", P1, "", P2, "", P3]);
  assert.equal(r.get(TITLE), "title");
  assert.equal(r.get("موقع الخبر"), "chrome");
  assert.equal(r.get("الرئيسية"), "chrome");
  assert.equal(r.get(P1), "body");
});

test("byline, relative time, English caption with agency credit, see-also line, subheading", () => {
  const caption = "Farmers harvest wheat in a field outside the capital on Monday. (AFP Photo/Staff)";
  const seeAlso = "اقرأ أيضا: ارتفاع أسعار القمح في الأسواق العالمية للمرة الثالثة هذا الشهر بسبب موجة الجفاف";
  const lines = [
    TITLE,
    "كتب: سامي الأحمد",
    "منذ 3 ساعات",
    caption,
    P1,
    "",
    seeAlso,
    "",
    P2,
    "",
    "مطالب النقابة",
    P3,
    "",
    P4,
  ];
  const r = rolesOf(lines);
  assert.equal(r.get("كتب: سامي الأحمد"), "attribution");
  assert.equal(r.get("منذ 3 ساعات"), "dateline");
  assert.equal(r.get(caption), "caption");
  assert.equal(r.get(seeAlso), "chrome");
  assert.equal(r.get("مطالب النقابة"), "subheading");
  assert.equal(r.get(P4), "body");
});

test("footer after the body: tags, share prompts, copyright and site name are chrome; the credit is attribution", () => {
  const lines = [
    TITLE,
    P1,
    P2,
    P3,
    "(رويترز)",
    "الكلمات المفتاحية",
    "الزراعة",
    "القمح",
    "تابعونا على تويتر",
    "جميع الحقوق محفوظة لموقع الخبر 2016",
  ];
  const r = rolesOf(lines);
  assert.equal(r.get("(رويترز)"), "attribution");
  for (const l of lines.slice(5)) assert.equal(r.get(l), "chrome", l);
});

test("paragraphs without final punctuation still read as body; a short last paragraph continues the body", () => {
  const strip = (p: string) => p.replace(/[.]$/u, "");
  const last = "وختم الوزير بالقول إن الحكومة ستتابع تنفيذ الخطة بنفسها في كل محافظة";
  const r = rolesOf([TITLE, strip(P1), strip(P2), strip(P3), last, "شارك", "طباعة"]);
  for (const p of [P1, P2, P3].map(strip)) assert.equal(r.get(p), "body");
  assert.equal(r.get(last), "body");
  assert.equal(r.get("شارك"), "chrome");
});

test("publisher from a credit in a dateline; agency as attribution; author from the byline", async () => {
  const page = [TITLE, "الساعة 09:15 (موقع الخبر - وكالات)", "بقلم: ليلى حسن", P1, P2, P3].join("\n");
  const { doc } = await extractFrom(page, "text");
  assert.equal(doc.article.publisher.name, "موقع الخبر");
  assert.equal(doc.article.attribution, "وكالات");
  assert.equal(doc.article.author, "ليلى حسن");
});

test("record body: known title marks its repeat, outlet and URL give the publisher, date goes to hints", async () => {
  const { doc } = await extractFrom([TITLE, P1, P2].join("\n\n"), "record", "r.jsonl", {
    title: TITLE,
    outlet: "صحيفة تجريبية",
    url: "https://www.example.org/a/1",
    published: "2015-08-01 10:00:00",
  });
  const a = doc.article;
  assert.equal(a.title, TITLE);
  assert.equal(a.blocks.filter((b) => b.role === "title-duplicate").length, 1);
  assert.equal(a.publisher.name, "صحيفة تجريبية");
  assert.equal(a.publisher.domain, "example.org");
  assert.equal(a.text, [TITLE, P1, P2].join("\n\n"));
  assert.deepEqual(doc.hints?.published, [{ value: "2015-08-01 10:00:00", source: "record:published" }]);
});

test("record body in HTML: paragraphs and figcaption kept apart", async () => {
  const html = `<p>${P1}</p><figure><img src="x.jpg"><figcaption>مزارع يحصد القمح (رويترز)</figcaption></figure><p>${P2}</p>`;
  const { doc } = await extractFrom(html, "record", "r.jsonl", { title: TITLE, bodyIsHtml: true });
  const roles = doc.article.blocks.map((b) => b.role);
  assert.deepEqual(roles, ["title", "body", "caption", "body"]);
});

test("property: every non-blank line gets exactly one block, in order, and classification never throws", () => {
  const line = fc.oneof(
    fc.constantFrom(
      P1,
      P2,
      P3,
      P4,
      TITLE,
      "",
      "شارك",
      "• 12/3/2016",
      "(وكالات)",
      "www.example.com",
      "0",
      "Photo by X (AP)",
    ),
    fc.string({ maxLength: 80 }),
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
      const text = lines.join("\n");
      const c = classifyLines(text);
      const numbers = c.lines.map((l) => l.f.line);
      assert.deepEqual(
        numbers,
        [...numbers].sort((a, b) => a - b),
      );
      assert.equal(new Set(numbers).size, numbers.length);
      for (const l of c.lines) assert.ok(/[\p{L}\p{N}\p{P}\p{S}]/u.test(text.split(/\r\n|\r|\n/u)[l.f.line - 1] ?? ""));
      assert.ok(c.lines.filter((l) => l.role === "title").length <= 1);
    }),
    { numRuns: 200 },
  );
});

test("a last-updated line above the title is the site's clock (chrome); below the title it is the article's dateline", () => {
  const r = rolesOf([
    "الخميس 3 مارس 2016 آخر تحديث: الخميس 3 مارس 2016",
    TITLE,
    "نشر في 11/02/2016 - 14:30 | آخر تحديث 11/02/2016 - 15:00",
    P1,
    P2,
  ]);
  assert.equal(r.get("الخميس 3 مارس 2016 آخر تحديث: الخميس 3 مارس 2016"), "chrome");
  assert.equal(r.get("نشر في 11/02/2016 - 14:30 | آخر تحديث 11/02/2016 - 15:00"), "dateline");
});

test("a headline holding a furniture word (إعلان: a declaration, not an advertisement) is still the title", () => {
  const title = "إعلان الرباط للمياه يثير انتقادات منظمات المجتمع المدني";
  const glued = title + title;
  const r = rolesOf([title, glued, "", "مشاركة :", "", P1, "", P2, "", P3]);
  assert.equal(r.get(title), "title");
  assert.equal(r.get(glued), "title-duplicate");
  assert.equal(r.get("مشاركة :"), "chrome");
});
