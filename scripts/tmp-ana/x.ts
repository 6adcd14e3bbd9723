import { analyzeTerms, tokenize, sentences, normalize, stem } from "../../src/analysis/ar/index.js";
const s = "قال وزير الخارجية الأميركي جون كيري، إن «الولايات المتحدة. تدعم» 3.5% من ٢٠١٥ الجهود #قمة_الرياض @user http://x.com/a?b=1. وبالولايات للولايات والولايات!";
console.log(tokenize(s).map(t=>`${t.kind}:${t.text}`).join(" | "));
console.log(sentences(s).map(x=>x.text));
for (const sc of ["rasd","lucene","snowball","none"] as const) console.log(sc, analyzeTerms(s,{scheme:sc}).join(" "));
for (const w of ["وزير","بغداد","فرنسا","واشنطن","كارتر","الأميركي","الأمريكي","أمريكا","الأمريكيين","كلينتون","وبالولايات","روسيا","الروسية","لبنان","بريطانيا","البريطاني"]) console.log(w, stem(w,"rasd"), stem(w,"lucene"), stem(w,"snowball"));
console.log(normalize("ﻷ ﷺ آأإٱ ى ة ـــ ی ک ٣٫٥ ABC", "search"), normalize("مسؤول رئيس فيلليب", "identity"));
