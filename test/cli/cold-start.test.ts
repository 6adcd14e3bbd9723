import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { test } from "node:test";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { corpusPath, projectRoot } from "../../src/core/paths.js";
import { BIN, tempDir } from "../helpers/cli.js";

const PRELOAD = fileURLToPath(new URL("../helpers/load-log.js", import.meta.url));
const DIST_SRC = pathToFileURL(join(projectRoot(), "dist", "src")).href + "/";

/** Runs the compiled command line with the load-log hook and returns its exit status and the modules it loaded. */
function loaded(args: string[]): { status: number | null; stderr: string; urls: string[] } {
  const log = join(tempDir("rasd-load-log-"), "loaded.txt");
  const r = spawnSync(process.execPath, ["--import", PRELOAD, BIN, ...args], {
    encoding: "utf8",
    cwd: projectRoot(),
    env: { ...process.env, RASD_STORE: "", RASD_PG_URL: "", RASD_LOAD_LOG: log },
    maxBuffer: 64 * 1024 * 1024,
  });
  let urls: string[] = [];
  try {
    urls = readFileSync(log, "utf8").split("\n").filter(Boolean);
  } catch {
    // No module logged at all: the assertions below say so.
  }
  return { status: r.status, stderr: r.stderr, urls };
}

/** What a start must not load: the store and its drivers, the pipeline's stages and models, any dependency. */
function heavy(urls: string[]): string[] {
  return urls.filter((u) => {
    if (u.includes("/node_modules/")) return true;
    if (!u.startsWith(DIST_SRC)) return false;
    const top = u.slice(DIST_SRC.length).split("/")[0];
    return !["cli", "core"].includes(top ?? "") || (u.includes("/cli/commands/") && !u.endsWith("/commands/index.js"));
  });
}

for (const args of [["--version"], ["--help"]]) {
  test(`rasd ${args.join(" ")} loads neither the store, nor models, nor any command or dependency`, () => {
    const r = loaded(args);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(
      r.urls.some((u) => u.endsWith("/dist/src/cli/main.js")),
      "the load log saw the CLI itself",
    );
    assert.deepEqual(heavy(r.urls), []);
  });
}

// The same check on a command that needs the models: it must see them, or the log proves nothing. A plain-text page
// needs no DOM: the HTML parser is loaded for an HTML page only.
test("rasd extract loads the extraction and annotation modules, and the HTML parser only for an HTML page", () => {
  const seeds = corpusPath("seeds");
  const page = readdirSync(seeds)
    .filter((f) => f.endsWith(".txt"))
    .sort()[0];
  assert.ok(page, `no seed page in ${seeds}`);
  const r = loaded(["extract", "--json", join(seeds, page)]);
  assert.equal(r.status, 0, r.stderr);
  const found = heavy(r.urls);
  assert.ok(
    found.some((u) => u.includes("/dist/src/annotate/entities/")),
    "the entity models are loaded",
  );
  assert.ok(!found.some((u) => u.includes("/node_modules/linkedom/")), "a text page loads no HTML parser");
  assert.ok(!found.some((u) => u.includes("/dist/src/store/")), "extract stores nothing, so loads no store");

  const html = loaded(["extract", "--json", corpusPath("extraction", "assabah", "assabah.com.tn.article.html")]);
  assert.equal(html.status, 0, html.stderr);
  const forHtml = heavy(html.urls);
  assert.ok(
    forHtml.some((u) => u.includes("/node_modules/linkedom/")),
    "an HTML page loads the HTML parser",
  );
  assert.ok(
    forHtml.some((u) => u.includes("/dist/src/annotate/entities/")),
    "and the entity models",
  );
});

// The table repeats each command's usage and summary so that `rasd --help` need not load the commands.
test("the command table agrees with every command's own name, usage and summary", async () => {
  for (const entry of COMMANDS) {
    const cmd = await entry.load();
    assert.deepEqual(
      { name: cmd.name, usage: cmd.usage, summary: cmd.summary },
      { name: entry.name, usage: entry.usage, summary: entry.summary },
    );
  }
});
