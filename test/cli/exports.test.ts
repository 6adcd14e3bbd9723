import assert from "node:assert/strict";
import { test } from "node:test";
import * as rasd from "../../src/index.js";

// The library's public surface: a change here is a change for every user, so it is made on purpose, here.
test("the public exports are pinned", () => {
  assert.deepEqual(Object.keys(rasd).sort(), [
    "BLOCK_ROLES", "DocContext", "EntityRegistry", "RasdError", "Store", "analyzeTerms", "annotateLine", "countArticles",
    "createApp", "createStages", "decodeBytes", "defaultHooks", "emptyArticle", "formatDiagnostic", "getArticle",
    "getArticles", "hash32", "hash64", "hash64n", "inferStoryDates", "ingest", "isRasdError", "iterateArticles",
    "listStories", "listTopics", "loadHasher", "main", "messageOf", "normalize", "notAvailable", "pipelineFor",
    "processDoc", "readClusters", "search", "sentences", "startServer", "stem", "storedStory", "storyMarkdown",
    "summarizeStory", "tokenize",
  ]);
});
