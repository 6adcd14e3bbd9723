import { test } from "node:test";
import assert from "node:assert/strict";
import * as extract from "../../src/extract/index.js";
import { blockLangs, detectLang, directionOf } from "../../src/analysis/lang.js";
import { cleanTitle } from "../../src/extract/index.js";

test("the extract module's public exports are pinned", () => {
  assert.deepEqual(Object.keys(extract).sort(), [
    "MAX_TEXT_CHARS",
    "articleText",
    "classifyLines",
    "cleanTitle",
    "creditsOf",
    "extractHtml",
    "extractPage",
    "extractRecord",
    "extractStage",
    "extractText",
    "toBlocks",
  ]);
  assert.equal(extract.extractStage.name, "extract");
});

test("detectLang: script first, franc among candidates for Latin, fallbacks for short and empty text", () => {
  assert.equal(detectLang("قال الوزير إن الاجتماع سيعقد غدا"), "ar");
  assert.equal(detectLang("The minister said the meeting would be held tomorrow in the capital."), "en");
  assert.equal(detectLang("Le ministre a déclaré que la réunion aurait lieu demain dans la capitale."), "fr");
  assert.equal(detectLang("logo"), "en");
  assert.equal(detectLang("12:30 • 2/12/2016"), "und");
  assert.equal(detectLang("معبد أولواتو Uluwatu Temple"), "ar");
  assert.equal(detectLang("این یک متن فارسی است که چند گچ و پژوهش و گزارش دارد"), "fa");
  assert.equal(directionOf("ar"), "rtl");
  assert.equal(directionOf("en"), "ltr");
});

test("blockLangs: an English caption on an Arabic page is en; blocks of a Latin page share its language", () => {
  const langs = blockLangs([
    "قال الوزير إن الاجتماع سيعقد غدا في العاصمة لبحث الخطة",
    "The minister speaks at a news conference in the capital on Monday. (Reuters)",
  ]);
  assert.deepEqual(langs, ["ar", "en"]);
  const en = blockLangs(["The minister said the meeting would be held tomorrow.", "It will last two days.", "12"]);
  assert.deepEqual(en, ["en", "en", "und"]);
});

test("detectLang on long Latin text (franc reads its start first): the language of the whole", () => {
  const fr =
    "Le ministre des Affaires étrangères a déclaré mardi que la réunion prévue la semaine prochaine aurait bien lieu " +
    "dans la capitale, malgré les tensions qui opposent depuis plusieurs mois les deux pays voisins. Selon lui, les " +
    "discussions porteront d'abord sur la sécurité des frontières, puis sur les échanges commerciaux, qui ont " +
    "fortement baissé depuis le début de l'année. Plusieurs délégations étrangères sont attendues, et les " +
    "observateurs estiment que cette rencontre pourrait ouvrir la voie à un accord plus large avant l'été.";
  const en =
    "The foreign minister said on Tuesday that the meeting planned for next week would go ahead in the capital, " +
    "despite the tensions that have set the two neighbouring countries against each other for several months. " +
    "According to him, the talks will first deal with border security and then with trade, which has fallen " +
    "sharply since the start of the year. Several foreign delegations are expected, and observers believe the " +
    "meeting could open the way to a broader agreement before the summer.";
  assert.ok(fr.length > 450 && en.length > 450);
  assert.equal(detectLang(fr), "fr");
  assert.equal(detectLang(en), "en");
  assert.deepEqual(blockLangs([en, fr.slice(0, 200)]), ["en", "en"]); // a Latin page shares one verdict
});

test("cleanTitle drops the site name, a domain, or a short last part after a strong separator; never splits at a colon", () => {
  assert.equal(
    cleanTitle("الحكومة تعلن خطة جديدة للزراعة - موقع الخبر", "موقع الخبر"),
    "الحكومة تعلن خطة جديدة للزراعة",
  );
  assert.equal(
    cleanTitle("موقع الخبر | الحكومة تعلن خطة جديدة للزراعة", "موقع الخبر"),
    "الحكومة تعلن خطة جديدة للزراعة",
  );
  assert.equal(cleanTitle("Ministers meet to agree a plan - example.com"), "Ministers meet to agree a plan");
  assert.equal(
    cleanTitle("Ministers meet to agree a new farm plan | Daily Example"),
    "Ministers meet to agree a new farm plan",
  );
  assert.equal(cleanTitle("الوزير: الخطة ستنفذ هذا العام"), "الوزير: الخطة ستنفذ هذا العام");
  assert.equal(cleanTitle("Ministers meet - and agree"), "Ministers meet - and agree");
});

test("articleText joins title, body and subheadings with blank lines and skips everything else", () => {
  const text = extract.articleText("T", [
    { role: "title", text: "T", lang: "und" },
    { role: "caption", text: "c", lang: "und" },
    { role: "body", text: "b1", lang: "und" },
    { role: "subheading", text: "s", lang: "und" },
    { role: "chrome", text: "x", lang: "und" },
    { role: "body", text: "b2", lang: "und" },
  ]);
  assert.equal(text, "T\n\nb1\n\ns\n\nb2");
});
