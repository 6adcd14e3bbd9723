/**
 * Lucene's Arabic light stemming, exactly: `ArabicNormalizer` then `ArabicStemmer` (org.apache.lucene.analysis.ar,
 * after Larkey, Ballesteros and Connell's light10). Kept bit-for-bit, including what it gets wrong (وزير → زير): it is
 * the reference the `rasd` scheme is measured against.
 */

const ALEF = "\u0627";
const YEH = "\u064a";
const HEH = "\u0647";

/** ArabicNormalizer: آ أ إ → ا, ى → ي, ة → ه; tatweel and the eight harakat removed. Nothing else. */
export function luceneNormalize(s: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | null;
    switch (c) {
      case 0x0622: // ALEF_MADDA
      case 0x0623: // ALEF_HAMZA_ABOVE
      case 0x0625: // ALEF_HAMZA_BELOW
        rep = ALEF;
        break;
      case 0x0649: // DOTLESS_YEH
        rep = YEH;
        break;
      case 0x0629: // TEH_MARBUTA
        rep = HEH;
        break;
      case 0x0640: // TATWEEL
      case 0x064b: // FATHATAN
      case 0x064c: // DAMMATAN
      case 0x064d: // KASRATAN
      case 0x064e: // FATHA
      case 0x064f: // DAMMA
      case 0x0650: // KASRA
      case 0x0651: // SHADDA
      case 0x0652: // SUKUN
        rep = "";
        break;
      default:
        continue;
    }
    out += s.slice(from, i) + rep;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** ArabicStemmer.PREFIXES, in Lucene's order: the first that fits is removed, and only one. */
const PREFIXES = [
  "\u0627\u0644",
  "\u0648\u0627\u0644",
  "\u0628\u0627\u0644",
  "\u0643\u0627\u0644",
  "\u0641\u0627\u0644",
  "\u0644\u0644",
  "\u0648",
];

/** ArabicStemmer.SUFFIXES, in Lucene's order: each that fits is removed in turn (ساهدهات → ساهده → ساهد). */
const SUFFIXES = [
  "\u0647\u0627", // ها
  "\u0627\u0646", // ان
  "\u0627\u062a", // ات
  "\u0648\u0646", // ون
  "\u064a\u0646", // ين
  "\u064a\u0647", // يه
  "\u064a\u0629", // ية
  "\u0647", // ه
  "\u0629", // ة
  "\u064a", // ي
];

/** ArabicStemmer.stem on an already normalised term. */
export function luceneStem(s: string): string {
  return stemSuffix(stemPrefix(s));
}

function stemPrefix(s: string): string {
  for (const p of PREFIXES) {
    // startsWithCheckLength: a one-letter prefix needs a word of 4+; any prefix needs 2+ letters left after it.
    if (p.length === 1 && s.length < 4) continue;
    if (s.length < p.length + 2) continue;
    if (s.startsWith(p)) return s.slice(p.length);
  }
  return s;
}

function stemSuffix(s: string): string {
  let len = s.length;
  for (const suf of SUFFIXES) {
    // endsWithCheckLength: 2+ letters must be left.
    if (len >= suf.length + 2 && s.startsWith(suf, len - suf.length)) len -= suf.length;
  }
  return len === s.length ? s : s.slice(0, len);
}

/** Lucene's whole Arabic chain on one token: normalise, then stem. */
export function lucene(term: string): string {
  return luceneStem(luceneNormalize(term));
}
