/**
 * Decoding on ../shared/corpus/charsets, per half (tuning / checking) and mode: as the files are (declarations
 * honoured), with their declarations blanked (detection alone), and with their true encoding forced. Prints a table
 * of right / refused / WRONG and every file that is not right.
 *
 *   npx tsx scripts/charset-eval.ts [--verbose]
 */
import { charsetFiles, decodeFile, type Outcome, type Result } from "../test/decode/charset-corpus.js";

const verbose = process.argv.includes("--verbose");
const files = charsetFiles();
if (files.length === 0) {
  console.error("charset-eval: ../shared/corpus/charsets/manifest.tsv not found; run from the project's root");
  process.exit(1);
}
const rows: string[] = [];
for (const mode of ["as-is", "undeclared", "forced"] as const) {
  for (const half of ["tuning", "checking"] as const) {
    const results: Result[] = files.filter((f) => f.half === half).map((f) => decodeFile(f, mode));
    const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
    const decodable = results.filter((r) => r.file.enc !== null);
    const rightOfDecodable = decodable.filter((r) => r.outcome === "right").length;
    rows.push(
      `| ${mode} | ${half} | ${results.length} | ${count("right")} | ${count("refused")} | ${count("WRONG")} | ${rightOfDecodable}/${decodable.length} |`,
    );
    for (const r of results)
      if (r.outcome === "WRONG" || (verbose && r.outcome === "refused"))
        console.log(`${mode} ${half} ${r.outcome} ${r.file.path} [${r.file.codec}] → ${r.detail}`);
  }
}
console.log("\n| mode | half | files | right | refused | WRONG | right of decodable |");
console.log("|---|---|---:|---:|---:|---:|---:|");
for (const r of rows) console.log(r);
