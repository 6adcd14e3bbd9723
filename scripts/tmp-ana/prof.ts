import { Store } from "../../src/store/store.js";
import { analyzeTerms } from "../../src/analysis/ar/analyze.js";
import { search } from "../../src/search/index.js";
const store = await Store.open({ dir: "artifacts/bench-search-store" });
for (const q of ["الولايات المتحدة", "وزير الخارجية السعودي يلتقي نظيره", "داعش", "الولايات المتحدة"]) {
  const terms = [...new Set(analyzeTerms(q))].sort();
  let t = performance.now();
  const rows = await store.db.query<{ data: Uint8Array }>("SELECT term, data FROM search_postings WHERE term = ANY($1::text[]) ORDER BY term, id", [terms]);
  const t1 = performance.now() - t;
  t = performance.now();
  await store.db.query("SELECT sum(length(data)) FROM search_postings WHERE term = ANY($1::text[])", [terms]);
  const t2 = performance.now() - t;
  t = performance.now();
  const res = await search(store.db, q);
  const t3 = performance.now() - t;
  console.log(q, rows.length, rows.reduce((n, r) => n + r.data.length, 0), "fetch", t1.toFixed(1), "sum-in-db", t2.toFixed(1), "search", t3.toFixed(1), res.total);
}
await store.close();
