/** A clustering configuration for the benchmarks: the defaults, with overrides from the environment for trials. */
import { DEFAULT_CLUSTER_CONFIG, type ClusterConfig } from "../src/cluster/config.js";

/**
 * `RULES`, `STORY` and `TOPIC` (JSON objects) override fields of `storyRules`, `story` and `topic`, e.g.
 * RULES='{"minTerms":0.2}' npx tsx bench/cluster-pairs.ts
 */
export function configFromEnv(): ClusterConfig {
  const d = DEFAULT_CLUSTER_CONFIG;
  const read = (name: string): object => (process.env[name] ? (JSON.parse(process.env[name]) as object) : {});
  return {
    ...d,
    storyRules: { ...d.storyRules, ...read("RULES") },
    story: { ...d.story, ...read("STORY") },
    topic: { ...d.topic, ...read("TOPIC") },
  };
}
