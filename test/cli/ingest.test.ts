import assert from "node:assert/strict";
import { createReadStream, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, test } from "node:test";
import { createGunzip, gzipSync } from "node:zlib";
import { corpusPath } from "../../src/core/paths.js";
import { jsonLines, rasd, rasdSpawn, tempDir } from "../helpers/cli.js";

const SEEDS = corpusPath("seeds");

function exportedIds(store: string): string[] {
  const r = rasd(["export", "--store", store]);
  assert.equal(r.status, 0, r.stderr);
  return jsonLines<{ id: string }>(r.stdout).map((a) => a.id);
}

describe("rasd ingest", () => {
  test("the seeds ingested twice leave exactly 5 articles", () => {
    const store = join(tempDir(), "store");
    const first = rasd(["ingest", "--store", store, "--json", SEEDS]);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(JSON.parse(first.stdout).stored, 5);
    const second = rasd(["ingest", "--store", store, "--json", SEEDS]);
    assert.equal(second.status, 0, second.stderr);
    const report = JSON.parse(second.stdout);
    assert.equal(report.stored, 0);
    assert.equal(report.existing, 5);
    const ids = exportedIds(store);
    assert.equal(ids.length, 5);
    assert.equal(new Set(ids).size, 5);
  });

  test("bad inputs are named and skipped; the rest is stored; the status says it was partial", () => {
    const dir = tempDir();
    const store = join(dir, "store");
    // What was stored before must survive a run full of bad input.
    assert.equal(rasd(["ingest", "--store", store, join(SEEDS, "000_529cc0b824b24813.txt")]).status, 0);
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "binary.html"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0xff, 0x00]));
    writeFileSync(
      join(dir, "latin1.txt"),
      Buffer.from("Un café à Genève: résumé très détaillé de l'été, déjà vu à Noël.\n", "latin1"),
    );
    const good = {
      title: "خبر مختلق للاختبار",
      url: "https://invented.example/a",
      content: "نص خبر مختلق كتبناه للاختبار فقط.",
    };
    writeFileSync(
      join(dir, "records.jsonl"),
      [
        JSON.stringify(good),
        "{not json",
        JSON.stringify({ hello: "world" }),
        JSON.stringify({ ...good, url: "https://invented.example/b" }),
      ].join("\n"),
    );
    const missing = join(dir, "no-such-file.txt");
    const r = rasd([
      "ingest",
      "--store",
      store,
      "--json",
      join(dir, "empty.txt"),
      join(dir, "binary.html"),
      join(dir, "latin1.txt"),
      join(dir, "records.jsonl"),
      missing,
    ]);
    assert.equal(r.status, 3, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.stored, 2);
    const reasons = report.failures.map((f: { input: string; reason: string }) => f.reason).join("\n");
    for (const name of ["empty.txt", "binary.html", "latin1.txt", "records.jsonl", "no-such-file.txt"]) {
      assert.match(reasons, new RegExp(name.replace(".", "\\.")), `no message names ${name}`);
    }
    assert.match(reasons, /line 2 of .*records\.jsonl.* not valid JSON/);
    assert.match(reasons, /line 3 of .*records\.jsonl.* not an article/);
    assert.match(reasons, /--encoding/);
    assert.equal(exportedIds(store).length, 3);
  });

  test("nothing ingested and something failed: status 1; a missing path is named", () => {
    const r = rasd(["ingest", "--store", join(tempDir(), "s"), "/definitely/not/here.txt"]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /\/definitely\/not\/here\.txt.*no such file/);
  });

  test("bad usage is status 2 with a pointer to help", () => {
    const r = rasd(["ingest", "--no-such-option", SEEDS]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /rasd ingest --help/);
    assert.equal(rasd(["ingest"]).status, 2);
    assert.equal(rasd(["no-such-command"]).status, 2);
  });

  test("an ingest killed with SIGKILL half way and run again stores every article exactly once", async () => {
    const dir = tempDir();
    const input = join(dir, "part.jsonl.gz");
    const lines: string[] = [];
    const rl = createInterface({
      input: createReadStream(corpusPath("streams", "saudinewsnet.jsonl.gz")).pipe(createGunzip()),
    });
    for await (const line of rl) {
      lines.push(line);
      if (lines.length === 1500) break;
    }
    rl.close();
    writeFileSync(input, gzipSync(lines.join("\n")));
    const store = join(dir, "store");
    const child = rasdSpawn(["ingest", "--store", store, "--verbose", "--batch-size", "50", input]);
    let commits = 0;
    const killed = await new Promise<boolean>((resolve) => {
      child.stderr.on("data", (b: Buffer) => {
        commits += (b.toString().match(/^committed /gm) ?? []).length;
        if (commits >= 3 && child.exitCode === null) {
          child.kill("SIGKILL");
        }
      });
      child.on("exit", (_code, signal) => resolve(signal === "SIGKILL"));
    });
    assert.ok(killed, "the ingest finished before it could be killed; the test needs a larger input");
    const partial = exportedIds(store).length;
    assert.ok(partial >= 150 && partial < 1500, `after the kill ${partial} articles were stored`);
    const again = rasd(["ingest", "--store", store, "--json", input]);
    assert.equal(again.status, 0, again.stderr);
    const ids = exportedIds(store);
    assert.equal(ids.length, 1500);
    assert.equal(new Set(ids).size, 1500);
  });
});

describe("rasd extract", () => {
  test("--json prints one valid Article line per input", () => {
    const r = rasd(["extract", "--json", SEEDS]);
    assert.equal(r.status, 0, r.stderr);
    const arts = jsonLines<Record<string, unknown>>(r.stdout);
    assert.equal(arts.length, 5);
    for (const a of arts) {
      for (const key of [
        "source",
        "id",
        "lang",
        "title",
        "publisher",
        "attribution",
        "published",
        "blocks",
        "text",
        "entities",
        "quotes",
        "dates",
        "figures",
        "messages",
      ]) {
        assert.ok(key in a, `Article lacks ${key}`);
      }
      assert.match(String((a["source"] as { path: string }).path), /seeds\/\d{3}_[0-9a-f]+\.txt$/);
    }
    assert.equal(new Set(arts.map((a) => a["id"])).size, 5);
  });
});
