import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HEAP_LIMIT_MB, runBounded } from "./bounded.js";
import { EXTREMES } from "./extremes.js";

/**
 * Each extreme input, in a worker with a heap cap and a time limit: it must finish (an article, possibly with
 * warnings, or a clear rejection), within the limit. The limit is generous for a loaded 2-core CI machine; the
 * measured times are printed and kept in docs/reliability.md.
 */
const LIMIT_MS = Number(process.env["RASD_EXTREME_MS"] ?? 90_000);

describe("extreme inputs, each bounded in time and memory", () => {
  for (const ex of EXTREMES) {
    it(`${ex.name}: ${ex.what}`, async (t) => {
      const r = await runBounded(ex.name, LIMIT_MS);
      const rules = "summary" in r && r.summary ? r.summary.rules.join(", ") : "";
      t.diagnostic(
        `extreme ${ex.name}: ${r.outcome} in ${Math.round(r.ms)} ms (heap cap ${HEAP_LIMIT_MB} MB)${rules ? `; diagnostics: ${rules}` : ""}${r.message ? `; ${r.message}` : ""}`,
      );
      assert.ok(r.outcome === "ok" || r.outcome === "rejected", `${ex.name}: ${r.outcome}: ${r.message ?? ""}`);
      if (r.outcome === "rejected")
        assert.ok((r.message ?? "").includes(ex.name), `the rejection does not name the input: ${r.message}`);
      if ("summary" in r && r.summary)
        assert.ok(!r.summary.rules.some((x) => x.endsWith("/stage-failed")), `a stage crashed on ${ex.name}: ${rules}`);
    });
  }
});
