import assert from "node:assert/strict";
import { test } from "node:test";
import { annotateEntities, EntityRegistry } from "../../src/annotate/entities/index.js";
import { entityAliasesFor, lookupEntities, persistEntities } from "../../src/annotate/entities/persist.js";
import { SharedRegistry } from "../../src/annotate/entities/registry-log.js";
import { insertArticles } from "../../src/store/articles.js";
import { Store } from "../../src/store/store.js";
import { seedArticles } from "./seed-articles.js";

test("the registry round-trips through the store; lookup by any name; search aliases", async () => {
  const store = await Store.open({ dir: "memory://" });
  try {
    const arts = [...seedArticles().values()];
    const registry = new EntityRegistry();
    arts.forEach((a, i) => {
      a.id = `seed-${i}`;
      a.entities = annotateEntities(a, registry);
    });
    await store.db.transaction(async (tx) => {
      await insertArticles(
        tx,
        arts.map((a) => ({ article: a, sourceKey: a.id, contentHash: a.id, url: null, outlet: null })),
      );
      await persistEntities(tx, arts);
      await persistEntities(tx, arts); // idempotent
    });
    const carter = await lookupEntities(store.db, "اشتون كارتر");
    assert.equal(carter.length, 1);
    assert.equal(carter[0]!.articles.length, 5);
    assert.ok(carter[0]!.names.includes("Ash Carter"));
    const byId = await lookupEntities(store.db, "islamic-state");
    assert.equal(byId[0]?.name, "تنظيم الدولة الإسلامية");
    const aliases = await entityAliasesFor(store.db, "داعش");
    assert.ok(aliases.includes("تنظيم الدولة") && aliases.includes("Islamic State"), aliases.join(","));
    assert.deepEqual(await entityAliasesFor(store.db, "المزيد من"), []);
    // Written without the entity log (as an older store was): restored from the entities table.
    const reloaded = (await SharedRegistry.load(store.db)).registry;
    assert.deepEqual(reloaded.findExact("آشتون كارتر"), { id: carter[0]!.id });
    assert.deepEqual(reloaded.findPart("كارتر"), { id: carter[0]!.id });
  } finally {
    await store.close();
  }
});
