import { normalize } from "./normalize.js";

/**
 * Arabic stopwords, written for rasd (news prose): particles, prepositions with their attached pronouns, pronouns,
 * demonstratives, relatives, auxiliaries and the reporting verbs every news sentence carries (قال، أضاف، أكد). Also
 * the most frequent of these with و/ف in front (وفي، وقد، فإن), since the stemmer must not strip و blindly.
 *
 * Written in ordinary spelling; compared in the `search` normal form, so أن/ان/إن are one entry, as are على/علي.
 */
const WORDS = `
في من إلى الى على عن مع عند لدى حتى منذ خلال بين ضد نحو حول عبر دون فوق تحت أمام وراء بعد قبل بعض كل غير سوى
و ف ثم أو أم بل لكن لكنه لكنها لكن إذ إذا إن أن إنه أنه إنها أنها أنهم إنهم أنّ لأن كأن لو لولا لا لم لن ما ماذا
قد لقد سوف هل كي كيف أين متى لماذا كم أي أيا إما إلا ليس ليست لست
هو هي هم هن هما أنا نحن أنت أنتم أنتما أنتن إياه إياها إياهم
هذا هذه هذان هاتان هؤلاء ذلك تلك أولئك ذاك هنا هناك هنالك ثمة
الذي التي الذين اللذان اللتان اللواتي اللاتي اللائي اللذين
كان كانت كانوا يكون تكون يكونون أصبح أصبحت أضحى ظل ظلت بات مازال ما زال لايزال لا يزال صار صارت
له لها لهم لهما لنا لي لك لكم به بها بهم بهما بنا بي بك فيه فيها فيهم فيما منه منها منهم منا عنه عنها عنهم
عليه عليها عليهم علينا إليه إليها إليهم معه معها معهم عندما بينما حيث حين أيضا كما مثل ذات ذو ذي
التي الذى أيضاً جدا فقط أكثر أقل عدة عدد إحدى أحد لدي لديه لديها لديهم
قال قالت وقال وقالت أضاف أضافت وأضاف وأضافت أكد أكدت وأكد وأكدت أشار أشارت وأشار وأشارت يذكر ذكر وذكر
وفي ومن وإلى والى وعلى وعن ومع وقد ولا ولم ولن وما وهو وهي وهم وهذا وهذه وذلك وكان وكانت وأن وإن وكل وبين
وبعد وقبل وكما وحتى وأيضا ولكن فإن فقد فلا فما فهو فهي فيما وفيما كذلك وكذلك بأن بأنه بأنها لأنه لأنها
`;

export const ARABIC_STOPWORDS: ReadonlySet<string> = new Set(
  WORDS.split(/\s+/u)
    .filter((w) => w.length > 0)
    .map((w) => normalize(w, "search")),
);

/** Whether a search-normalised term is a stopword. */
export function isStopword(normalized: string): boolean {
  return ARABIC_STOPWORDS.has(normalized);
}
