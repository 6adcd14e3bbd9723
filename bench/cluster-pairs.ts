/**
 * SemEval-2022 Task 8's 56 human-rated Arabic pairs (test/helpers/semeval-pairs.ts): which pairs the clustering puts
 * in one story, by part (odd rows tune, even rows check) and rating. Rules are tuned on the tuning part only; the
 * checking part is read after.
 *
 *   npx tsx bench/cluster-pairs.ts [--list]
 *   RULES='{"sizeCost":0.5}' STORY='{"threshold":0.26}' npx tsx bench/cluster-pairs.ts   (try other settings)
 */
import { loadHasher } from "../src/core/hash.js";
import { configFromEnv } from "./cluster-config.js";
import { clusterPairs, loadSemeval, SAME, UNRELATED } from "../test/helpers/semeval-pairs.js";

await loadHasher();
const set = await loadSemeval();
for (const mode of ["alone", "together"] as const) {
  const out = clusterPairs(set, mode, configFromEnv());
  console.log(`${mode}:`);
  for (const part of ["tuning", "checking"] as const) {
    const mine = out.filter((o) => o.pair.part === part);
    const unrelated = mine.filter((o) => o.pair.overall >= UNRELATED);
    const same = mine.filter((o) => o.pair.overall <= SAME);
    const badly = unrelated.filter((o) => o.joined);
    console.log(
      `  ${part}: unrelated joined ${badly.length}/${unrelated.length} (rows ${badly.map((o) => o.pair.row).join(", ") || "none"}); ` +
        `same-story joined ${same.filter((o) => o.joined).length}/${same.length}`,
    );
  }
  if (process.argv.includes("--list"))
    for (const o of out)
      console.log(`${o.pair.row}\t${o.pair.part}\t${o.pair.overall}\t${o.joined ? "joined" : "apart"}`);
}
