import { init } from "./001-init.js";
import { clusters } from "./004-clusters.js";
import { clusterLog } from "./008-cluster-log.js";
import { clusterSnapshot } from "./024-cluster-snapshot.js";
import { desk } from "./020-desk.js";
import { alertOutlets } from "./021-alert-outlets.js";
import { feedErrorAr } from "./026-feed-error-ar.js";
import { entities } from "./003-entities.js";
import { entityLog } from "./009-entity-log.js";
import { search } from "./002-search.js";
import { storyDates } from "./012-story-dates.js";
import { searchStorage } from "./007-search-storage.js";
import { watchQueue } from "./006-watch-queue.js";
import type { Migration } from "./migration.js";

export type { Migration } from "./migration.js";

/**
 * Every migration, in order. Numbers are reserved per area so teammates never collide:
 * 1 spine · 2 search · 3 entities · 4 dedup and clusters · 5 summaries · 6 watch and queue · 7 search storage · 8 the clustering log · 9 the entity log · 12 where dates come from · 20 the desk (sources, watchlists, alerts) · 21 alerts for a story's new outlets · 24 clustering checkpoints · 26 messages in Arabic.
 */
export const MIGRATIONS: readonly Migration[] = [
  init,
  search,
  watchQueue,
  entities,
  clusters,
  searchStorage,
  clusterLog,
  entityLog,
  storyDates,
  desk,
  alertOutlets,
  clusterSnapshot,
  feedErrorAr,
];
