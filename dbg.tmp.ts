import { findDates } from "./src/annotate/dates/find.js";
for (const s of ["الجمعة 24 نيسان / أبريل 2020", "4/10/1436", "الأحد 12 شوال 1436 هـ", "2015/07/21", "01/12/2020", "13/12/2020", "الثلاثاء, 21 يوليو 2015 10:00", "تم نشره الجمعة 24 نيسان / أبريل 2020"]) {
  console.log(s, JSON.stringify(findDates(s).map(f => [f.text, f.expr])));
}
