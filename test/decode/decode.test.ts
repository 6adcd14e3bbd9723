import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { detectLang } from "../../src/analysis/lang.js";
import { RasdError } from "../../src/core/errors.js";
import { decodeBytes, encodingFromLabel } from "../../src/decode/decode.js";
import { charsetOfContentType, documentDeclaration } from "../../src/decode/prescan.js";
import { encode, encodeHtml } from "./encoders.js";

// Invented sentences, our own words.
const ARABIC = "أعلنت الوزارة اليوم عن خطة جديدة لتطوير المدارس في المدينة، وقال المتحدث إن العمل سيبدأ قريبا.\n";
const ARABIC_LONG =
  `${ARABIC}وأضاف أن الخطة تشمل بناء ثلاثين مدرسة وتدريب المعلمين على المناهج الجديدة خلال العام المقبل.\n`.repeat(3);

/** The same invented story in other scripts, each in the legacy encodings its language was written in. */
const OTHERS: ReadonlyArray<[string, string, string[]]> = [
  [
    "ru",
    "Вчера в городе открыли новую библиотеку. Жители пришли посмотреть на книги, а дети читали сказки вслух. Мэр сказал, что зимой откроют ещё один читальный зал, и пообещал купить новые книги для школ.\n",
    ["koi8-r", "windows-1251", "iso-8859-5", "ibm866", "x-mac-cyrillic"],
  ],
  [
    "el",
    "Χθες άνοιξε μια νέα βιβλιοθήκη στην πόλη. Οι κάτοικοι ήρθαν να δουν τα βιβλία και τα παιδιά διάβαζαν ιστορίες δυνατά. Ο δήμαρχος είπε ότι τον χειμώνα θα ανοίξει ακόμη μία αίθουσα ανάγνωσης.\n",
    ["iso-8859-7", "windows-1253"],
  ],
  [
    "he",
    "אתמול נפתחה ספרייה חדשה בעיר. התושבים באו לראות את הספרים והילדים קראו סיפורים בקול. ראש העיר אמר שבחורף תיפתח עוד אולם קריאה ושהעירייה תקנה ספרים חדשים לבתי הספר.\n",
    ["windows-1255", "iso-8859-8"],
  ],
  [
    "zh",
    "昨天城里开了一家新的图书馆。居民们来看书，孩子们大声朗读故事。市长说冬天还会再开一个阅览室，并且为学校购买新书。\n",
    ["gbk", "gb18030"],
  ],
  [
    "zh-Hant",
    "昨天城裡開了一家新的圖書館。居民們來看書，孩子們大聲朗讀故事。市長說冬天還會再開一個閱覽室，並且為學校購買新書。\n",
    ["big5"],
  ],
  [
    "ja",
    "昨日、町に新しい図書館が開館しました。住民たちは本を見に来て、子供たちは物語を声に出して読みました。市長は冬にもう一つ閲覧室を開くと言いました。\n",
    ["shift_jis", "euc-jp"],
  ],
  [
    "ko",
    "어제 시내에 새 도서관이 문을 열었습니다. 주민들이 책을 보러 왔고 아이들은 이야기를 소리 내어 읽었습니다. 시장은 겨울에 열람실을 하나 더 열겠다고 말했습니다.\n",
    ["euc-kr"],
  ],
  [
    "th",
    "เมื่อวานนี้ห้องสมุดแห่งใหม่เปิดในเมือง ชาวบ้านมาดูหนังสือและเด็กๆ อ่านนิทานออกเสียง นายกเทศมนตรีกล่าวว่าจะเปิดห้องอ่านหนังสืออีกห้องในฤดูหนาว\n",
    ["windows-874"],
  ],
];

function isDecodeError(input: string) {
  return (e: unknown) => {
    assert.ok(e instanceof RasdError, String(e));
    assert.equal(e.code, "DECODE");
    assert.ok(e.message.includes(`"${input}"`), e.message);
    return true;
  };
}

describe("decode: the basics", () => {
  test("valid UTF-8 is UTF-8", () => {
    const d = decodeBytes(new TextEncoder().encode(ARABIC), "a.txt");
    assert.equal(d.text, ARABIC);
    assert.equal(d.encoding, "utf-8");
  });

  test("byte-order marks: UTF-8, UTF-16 and UTF-32 in both byte orders, the mark dropped", () => {
    const cases: Array<[number[], string, Buffer]> = [
      [[0xef, 0xbb, 0xbf], "utf-8", Buffer.from(ARABIC, "utf8")],
      [[0xff, 0xfe], "utf-16le", Buffer.from(ARABIC, "utf16le")],
      [[0xfe, 0xff], "utf-16be", Buffer.from(ARABIC, "utf16le").swap16()],
    ];
    const cps = [...ARABIC].map((c) => c.codePointAt(0)!);
    const le32 = Buffer.alloc(cps.length * 4);
    cps.forEach((cp, i) => le32.writeUInt32LE(cp, i * 4));
    cases.push([[0xff, 0xfe, 0, 0], "utf-32le", le32]);
    cases.push([[0, 0, 0xfe, 0xff], "utf-32be", Buffer.from(le32).swap32()]);
    for (const [bom, enc, body] of cases) {
      const d = decodeBytes(Buffer.concat([Buffer.from(bom), body]), "a.txt");
      assert.deepEqual([d.text, d.encoding, d.how], [ARABIC, enc, "bom"], enc);
    }
  });

  test("windows-1252 punctuation is read as windows-1252 has it (Node 20 reads it as ISO-8859-1)", () => {
    const text = "He said, “The café opened” – and left — at once.\n".repeat(4);
    const d = decodeBytes(encode(text, "windows-1252"), "q.txt", { forced: "windows-1252" });
    assert.equal(d.text, text);
    assert.equal(decodeBytes(encode(text, "windows-1252"), "q.txt").text, text, "and when detected");
  });

  test("binary data is an error naming the file, never mojibake", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    assert.throws(() => decodeBytes(png, "img.html"), isDecodeError("img.html"));
  });

  test("--encoding forces a reading; an unknown name and an encoding rasd lacks are usage errors", () => {
    const bytes = encode(ARABIC, "iso-8859-6");
    assert.equal(decodeBytes(bytes, "a.txt", { forced: "ISO-8859-6" }).text, ARABIC);
    for (const label of ["klingon", "johab", "iso-2022-kr"])
      assert.throws(
        () => decodeBytes(bytes, "a.txt", { forced: label }),
        (e: unknown) => e instanceof RasdError && e.code === "USAGE" && e.message.includes('"a.txt"'),
        label,
      );
  });

  test("labels: WHATWG names and aliases, and the names detectors and pages use", () => {
    const cases: [string, string | undefined][] = [
      ["UTF8", "utf-8"],
      ["cp1256", "windows-1256"],
      ["ISO_8859-6", "iso-8859-6"],
      ["latin1", "windows-1252"],
      ["gb2312", "gbk"],
      ["cp949", "euc-kr"],
      ["MacCyrillic", "x-mac-cyrillic"],
      ["utf-32", "utf-32le"],
      ["johab", undefined],
      ["klingon", undefined],
    ];
    for (const [label, enc] of cases) assert.equal(encodingFromLabel(label), enc, label);
  });

  test("property: any Unicode text encoded as UTF-8 decodes back exactly or is refused", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) => {
        try {
          assert.equal(decodeBytes(new TextEncoder().encode(s), "p.txt").text, s);
        } catch (e) {
          assert.ok(e instanceof RasdError && e.code === "DECODE", String(e));
        }
      }),
    );
  });
});

describe("decode: Arabic code pages", () => {
  for (const enc of ["windows-1256", "iso-8859-6"]) {
    test(`${enc} text without a declaration is detected`, () => {
      const d = decodeBytes(encode(ARABIC_LONG, enc), "a.txt");
      assert.deepEqual([d.text, d.encoding, d.how], [ARABIC_LONG, enc, "detected"]);
    });

    test(`an undeclared ${enc} page heavy with markup is read from its words, not its tags`, () => {
      const nav = `<li class="menu-item"><a href="/section/news/local" title="section">x</a></li>\n`.repeat(60);
      const page = `<!doctype html><html><head><title>t</title><style>.a{color:red}</style></head><body><ul>${nav}</ul><p>${ARABIC_LONG}</p></body></html>`;
      const d = decodeBytes(encode(page, enc), "p.html", { html: true });
      assert.equal(d.text, page);
      assert.equal(d.encoding, enc);
    });
  }

  test("ISO-8859-6 bytes under a windows-1256 label are caught and read as ISO-8859-6, with the contradiction said", () => {
    const page = `<html><head><meta charset="windows-1256"></head><body><p>${ARABIC_LONG}</p></body></html>`;
    const d = decodeBytes(encode(page, "iso-8859-6"), "p.html", { html: true });
    assert.equal(d.text, page);
    assert.equal(d.encoding, "iso-8859-6");
    assert.equal(d.how, "corrected");
    assert.match(d.contradiction ?? "", /windows-1256/u);
  });

  test("a declared windows-1256 page is read as declared", () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body>${ARABIC_LONG}</body></html>`;
    const d = decodeBytes(encode(page, "windows-1256"), "p.html", { html: true });
    assert.deepEqual([d.text, d.encoding, d.how], [page, "windows-1256", "declared"]);
  });

  test("a wrong declaration loses to valid UTF-8, and says so", () => {
    const page = `<html><head><meta charset="iso-8859-6"></head><body>${ARABIC}</body></html>`;
    const d = decodeBytes(new TextEncoder().encode(page), "p.html", { html: true });
    assert.deepEqual([d.text, d.encoding], [page, "utf-8"]);
    assert.match(d.contradiction ?? "", /iso-8859-6/u);
  });
});

describe("decode: other scripts are never read as Arabic", () => {
  for (const [lang, sentence, encodings] of OTHERS) {
    for (const enc of encodings) {
      test(`${lang} in ${enc}: decoded right or refused, never Arabic`, () => {
        const text = sentence.repeat(4);
        const bytes = encode(text, enc);
        let d;
        try {
          d = decodeBytes(bytes, `${lang}.txt`);
        } catch (e) {
          isDecodeError(`${lang}.txt`)(e);
          return;
        }
        assert.ok(!["windows-1256", "iso-8859-6"].includes(d.encoding), `${enc} read as ${d.encoding}`);
        assert.equal(d.text, text, `${enc} read as ${d.encoding}`);
        assert.notEqual(detectLang(d.text), "ar");
      });

      test(`${lang} declared as ${enc} is read as declared`, () => {
        const page = `<?xml version="1.0" encoding="${enc}"?><rss><channel><title>${sentence}</title></channel></rss>`;
        assert.equal(decodeBytes(encode(page, enc), "f.xml").text, page);
      });
    }
  }

  test("a Russian windows-1251 page declared windows-1256 is not read as Arabic", () => {
    const page = `<html><head><meta charset="windows-1256"></head><body>${OTHERS[0]![1].repeat(4)}</body></html>`;
    const bytes = encode(page, "windows-1251");
    try {
      const d = decodeBytes(bytes, "ru.html", { html: true });
      assert.equal(d.text, page);
      assert.equal(d.encoding, "windows-1251");
    } catch (e) {
      isDecodeError("ru.html")(e);
    }
  });

  test("Latin-1 French text is read right by a Latin code page, not an Arabic one", () => {
    const text = "Résumé : le café de l'été à Genève était très animé, déjà complet à midi. ".repeat(4);
    const d = decodeBytes(encode(text, "windows-1252"), "fr.txt");
    assert.equal(d.text, text);
    assert.match(d.encoding, /^(windows-1252|iso-8859-15?)$/u);
  });
});

describe("decode: declarations", () => {
  test("the HTTP Content-Type charset (the transport) is honoured before the page's own", () => {
    const page = `<html><head><meta charset="utf-8"></head><body>${ARABIC_LONG}</body></html>`;
    const d = decodeBytes(encode(page, "iso-8859-6"), "http://x.example/", {
      html: true,
      transport: charsetOfContentType("text/html; charset=ISO-8859-6"),
    });
    assert.deepEqual([d.text, d.encoding, d.how], [page, "iso-8859-6", "transport"]);
  });

  test("a feed's XML declaration is honoured", () => {
    const feed = `<?xml version="1.0" encoding="windows-1256"?><rss><channel><title>${ARABIC}</title></channel></rss>`;
    const d = decodeBytes(encode(feed, "windows-1256"), "f.xml");
    assert.deepEqual([d.text, d.encoding, d.how], [feed, "windows-1256", "declared"]);
  });

  test("a <meta> charset past the first 4 KB is seen", () => {
    const head = `<html><head><!-- ${"x".repeat(5000)} --><title>t</title><meta charset="windows-1256"></head>`;
    const page = `${head}<body><p>${ARABIC}</p></body></html>`;
    assert.deepEqual(documentDeclaration(new TextEncoder().encode(page), true), {
      label: "windows-1256",
      where: "meta-late",
    });
    const d = decodeBytes(encode(page, "windows-1256"), "late.html", { html: true });
    assert.deepEqual([d.text, d.encoding, d.how], [page, "windows-1256", "declared"]);
  });

  test("the prescan skips comments and other tags' attributes, as the HTML standard does", () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    assert.equal(
      documentDeclaration(bytes(`<!-- <meta charset="koi8-r"> --><meta charset="gbk">`), true)?.label,
      "gbk",
    );
    assert.equal(
      documentDeclaration(bytes(`<div title="<meta charset=koi8-r>"><meta charset=big5>`), true)?.label,
      "big5",
    );
    assert.equal(
      documentDeclaration(bytes(`<meta content="text/html; charset=euc-kr" http-equiv="Content-Type">`), true)?.label,
      "euc-kr",
    );
    assert.equal(documentDeclaration(bytes(`<meta content="text/html; charset=euc-kr">`), true), undefined);
  });

  test("an undecodable file is refused naming the file and --encoding", () => {
    const bytes = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256);
    assert.throws(
      () => decodeBytes(bytes, "junk.txt"),
      (e: unknown) => isDecodeError("junk.txt")(e) && /--encoding|binary/u.test((e as Error).message),
    );
  });

  test("an encoding rasd does not decode, declared, is refused with its name", () => {
    const feed = `<?xml version="1.0" encoding="IBM855"?><rss><channel><title>x</title></channel></rss>`;
    assert.throws(() => decodeBytes(new TextEncoder().encode(feed), "f.xml"), /IBM855/u);
  });

  test("UTF-16 without a byte-order mark is detected, not taken for ASCII", () => {
    const text = "A plain English line, written twice in UTF-16 without a mark.\n".repeat(6);
    const d = decodeBytes(Buffer.from(text, "utf16le"), "u16.txt");
    assert.deepEqual([d.text, d.encoding], [text, "utf-16le"]);
  });

  test("an HTML page with characters its encoding lacks (written as references) still decodes", () => {
    const page = `<html><body><p>${ARABIC_LONG} — ✓</p></body></html>`;
    const bytes = encodeHtml(page, "windows-1256");
    assert.equal(decodeBytes(bytes, "r.html", { html: true }).encoding, "windows-1256");
  });
});
