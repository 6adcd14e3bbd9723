import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { hasPhrases, parseQuery, search, validDate } from "../../src/search/index.js";
import type { Store } from "../../src/store/store.js";
import { sampleStore } from "../server/fixture.js";

describe("phrases in a query", () => {
  it("quoted words are a phrase; the rest are words", () => {
    const q = parseQuery('"التحالف الدولي" ضد «تنظيم الدولة» داعش');
    assert.equal(q.phrases.length, 2);
    assert.match(q.text, /التحالف الدولي/u);
    assert.doesNotMatch(q.text, /["«»]/u);
    assert.equal(parseQuery('"داعش"').phrases.length, 0, "one quoted word is that word");
  });

  it("matches the words together and in order, through clitics, and not apart", () => {
    const [p] = parseQuery('"التحالف الدولي"').phrases;
    assert.ok(hasPhrases("أعلن المتحدث باسم التحالف الدولي أمس", [p!]));
    assert.ok(hasPhrases("وقال إن للتحالف الدولي دورا", [p!]));
    assert.equal(hasPhrases("هبطت الطائرة في مطار الملك خالد الدولي وأعلن التحالف", [p!]), false);
    assert.equal(hasPhrases("الدولي التحالف", [p!]), false, "order counts");
    assert.equal(hasPhrases("التحالف في الدولي", [p!]), false, "a stopword between them breaks the phrase");
  });

  it("a date must name a real month and day", () => {
    for (const ok of ["2016", "2016-02", "2016-02-29", "2015-12-31"]) assert.ok(validDate(ok), ok);
    for (const bad of ["2016-13", "2016-00", "2015-02-29", "2016-04-31", "2016-1", "16-02-01", "2016-02-01x"])
      assert.equal(validDate(bad), false, bad);
  });
});

describe("copies in search results", { timeout: 300_000 }, () => {
  let store: Store;
  before(async () => {
    ({ store } = await sampleStore());
  });
  after(async () => store?.close());

  it("an article and its copies are one hit, with the copies listed on it", async () => {
    const rows = await store.db.query<{ id: string; dup: string; title: string }>(
      "SELECT a.id, a.duplicate_of AS dup, o.title FROM articles a JOIN articles o ON o.id = a.duplicate_of",
    );
    assert.ok(rows.length > 0, "the sample has copies");
    const dupOf = new Map(rows.map((r) => [r.id, r.dup]));
    let folded = 0;
    for (const r of rows.slice(0, 5)) {
      const res = await search(store.db, r.title, { limit: 50 });
      const shown = res.hits.map((h) => h.id);
      const all = res.hits.flatMap((h) => [h.id, ...h.copies]);
      assert.equal(new Set(all).size, all.length, "no article twice");
      for (const h of res.hits) {
        // No hit is a copy of another hit, or a copy of the same original as another hit.
        const group = dupOf.get(h.id) ?? h.id;
        assert.equal(shown.filter((id) => (dupOf.get(id) ?? id) === group).length, 1, h.id);
        for (const c of h.copies) assert.equal(dupOf.get(c) ?? c, group);
        folded += h.copies.length;
      }
    }
    assert.ok(folded > 0, "some copies were folded");
  });
});
