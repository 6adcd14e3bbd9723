import { normalize } from "../normalize.js";

/**
 * Words whose first letter is one of the proclitic letters و ف ب ل ك but belongs to the word (وزير, بغداد, فرنسا,
 * واشنطن, كارتر): the `rasd` stemmer never strips that letter. Written by hand for rasd from general knowledge of news
 * Arabic (common nouns, verbs and the places and people news names most), not taken from any corpus.
 *
 * Two kinds of entry, both compared in the `search` normal form:
 * - WORD_START: a stem; any word starting with it is protected (وزير covers وزيرة, وزيرا, وزيرها).
 * - WHOLE_WORD: short words protected only as the whole word, since as a prefix they would block real clitics
 *   (ولد must not protect ولديه = و + لديه).
 */
const WORD_START = `
وزير وزار وزراء وطن وطني وقوع وقائع وكال وكيل ولاي واقع واحد وحد وجود واجب وثيق وثائق وسائل وسيل وسط وصول وظيف
وفاة وفود ورق وراء وعود وعد ولاد والد وضع وضاع وجه وجو ودي وصف وقود وقف وساط وسيط
واشنطن وارسو ويلز ويلسون وليام ويليام ولي فيينا
بغداد بيروت برلين بروكسل بريطان باريس بكين بوش باكستان بنغلاديش بلجيك بولند بلغاري بورم بوتين بيونغ بنغازي
بلاد بلدي بيان بيت بحث بحر بحري برلمان برنامج برامج بنك بنوك بطول بطل بريد بيع باب بعثه بطاق بطال بناء بنى بنيه
بدء بداي بديل بورص بيئ بشر بضع بضائع بقاء بقي
فرنس فلسطين فنزويل فيتنام فنلند فلوريد فرانس فيسبوك فلاديمير فيليب فرانك
فريق فرق فتر فكر فرص فوز فصل فيلم فعل فعال فقر فقير فئ فيضان فحص فساد فاسد فوضى فضاء فندق فرد فرع
كندا كوري كوب كيني كابول كاليفورني كارتر كلينتون كيري كاميرون كمبودي كازاخستان كشمير كوسوفو كرواتي كولومبي
كبير كبار كثير كلم كتاب كتب كتيب كرة كرسي كهرباء كارث كامل كميه كمي كلف كشف كفاء كافه كلي كنيس كيان كيماوي
لبنان ليبي لندن لاهاي لوس لاتفي ليتواني لوكسمبورغ لاوس لاغوس لولا
لجن لقاء لحظ لغ ليل لون لاعب لعب لاجئ لواء لائح لباس لحوم لجوء لقب لمس لهجه لوم
`;

const WHOLE_WORD = `
وقت وقع ولد وجه وصل وفد وعي ورد وزن وهم
بلد بنت بئر برد بعد بين بدا بدل بذل بقي
فقد فتح فرض فجر فصل فوق فهم فكر فرد
كان كون كلب كسر كتب كشف
لجنه لعب لغه لقب لمس
`;

function entries(words: string): Set<string> {
  return new Set(
    words
      .split(/\s+/u)
      .filter((w) => w.length > 0)
      .map((w) => normalize(w, "search")),
  );
}

const STARTS = entries(WORD_START);
const WHOLE = entries(WHOLE_WORD);

/** The longest protected stem we look for at the start of a word. */
const MAX_START = Math.max(...[...STARTS].map((w) => w.length));

/** Whether the first letter of `word` (search-normalised) belongs to the word rather than being a proclitic. */
export function ownsFirstLetter(word: string): boolean {
  if (WHOLE.has(word)) return true;
  const max = Math.min(word.length, MAX_START);
  for (let n = 3; n <= max; n++) {
    if (STARTS.has(word.slice(0, n))) return true;
  }
  return false;
}
