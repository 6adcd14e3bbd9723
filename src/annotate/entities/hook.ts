import type { IngestHook } from "../../store/hooks.js";
import { persistEntities } from "./persist.js";
import type { SharedRegistry } from "./registry-log.js";

/**
 * The ingest hook that stores the batch's entities and mentions, in the ingest transaction. With the registry the
 * stages link with (assemble/for-store.ts), it also logs what the batch changed in it, so that the next run, and
 * other writers of the store, link names exactly as this one did.
 */
export function entitiesHook(registry?: SharedRegistry): IngestHook {
  return {
    name: "entities",
    async run(tx, articles) {
      await persistEntities(tx, articles);
      await registry?.write(tx);
    },
  };
}
