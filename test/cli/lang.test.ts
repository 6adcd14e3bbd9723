import assert from "node:assert/strict";
import { test } from "node:test";
import { GLOBAL_OPTIONS } from "../../src/cli/args.js";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { CLI_LABELS, COMMANDS_AR, GLOBAL_OPTIONS_AR } from "../../src/i18n/cli.js";
import { FSI, PDI } from "../../src/i18n/bidi.js";
import { rasd } from "../helpers/cli.js";

const ARABIC = /\p{Script=Arabic}/u;

test("every command line text exists in both languages: summaries, descriptions, options, the printer's words", async () => {
  for (const entry of COMMANDS) {
    const cmd = await entry.load();
    const ar = COMMANDS_AR[cmd.name];
    assert.ok(ar && ARABIC.test(ar.summary), `${cmd.name}: no Arabic summary`);
    if (cmd.description !== undefined)
      assert.ok(ar.description && ARABIC.test(ar.description), `${cmd.name}: description`);
    for (const opt of Object.keys(cmd.options)) assert.ok(ARABIC.test(ar.options[opt] ?? ""), `${cmd.name} --${opt}`);
    for (const opt of Object.keys(ar.options))
      assert.ok(opt in cmd.options, `${cmd.name}: Arabic for no option --${opt}`);
  }
  for (const opt of Object.keys(GLOBAL_OPTIONS)) assert.ok(ARABIC.test(GLOBAL_OPTIONS_AR[opt] ?? ""), `--${opt}`);
  for (const [key, v] of Object.entries(CLI_LABELS)) {
    assert.ok(ARABIC.test(v.ar), `${key}: ar`);
    assert.ok(v.en.trim() !== "" && !ARABIC.test(v.en.replace("رصد", "")), `${key}: en`);
  }
});

/**
 * What is left of a help text for the reader's language: the usage line and the examples (command lines, kept as
 * typed) are taken out. Every Latin or numeric run must sit in an isolate (FSI … PDI), and no isolate may hold
 * English prose (three words of lower-case letters in a row that are not a command line).
 */
function checkArabicHelp(name: string, text: string): void {
  let inExamples = false;
  const body = text
    .split("\n")
    .filter((l) => {
      if (l === "أمثلة:") inExamples = true;
      else if (l.trim() === "") inExamples = false;
      return !inExamples && !l.startsWith("الاستعمال:");
    })
    .join("\n");
  const outside = body.replace(new RegExp(`${FSI}[^${PDI}]*${PDI}`, "gu"), "");
  assert.doesNotMatch(outside, /[A-Za-z0-9]/u, `${name}: a Latin or numeric run outside an isolate`);
  for (const m of body.matchAll(new RegExp(`${FSI}([^${PDI}]*)${PDI}`, "gu"))) {
    const run = m[1]!.trim();
    if (/^(?:rasd|-)/u.test(run)) continue;
    assert.doesNotMatch(run, /\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/u, `${name}: English prose "${run}"`);
  }
  assert.ok(body.split("\n").filter((l) => ARABIC.test(l)).length >= 3, `${name}: hardly any Arabic`);
}

test("rasd --help and every command's help are Arabic by default, English with RASD_LANG=en", () => {
  const main = rasd(["--help"], { env: { RASD_LANG: "" } });
  assert.equal(main.status, 0);
  checkArabicHelp("rasd", main.stdout);
  for (const c of COMMANDS) {
    const r = rasd([c.name, "--help"], { env: { RASD_LANG: "" } });
    assert.equal(r.status, 0, r.stderr);
    checkArabicHelp(c.name, r.stdout);
    assert.ok(r.stdout.includes(`--${Object.keys(GLOBAL_OPTIONS)[0]}`), "option names stay as they are");
  }
  const en = rasd(["--help"], { env: { RASD_LANG: "en" } });
  assert.match(en.stdout, /^usage: rasd <command> \[options\]$/mu);
  assert.ok(!en.stdout.includes(FSI));
});

test("errors are Arabic by default with the technical English kept and isolated; exit codes unchanged", () => {
  const missing = rasd(["stories", "--store", "/nonexistent/rasd-store"], { env: { RASD_LANG: "" } });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /لا يوجد مخزن/u);
  const unknown = rasd(["serch"], { env: { RASD_LANG: "" } });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /أمر غير معروف/u);
  const usage = rasd(["search", "--limit"], { env: { RASD_LANG: "" } });
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /الطلب غير صحيح/u);
  assert.ok(usage.stderr.includes(FSI) && usage.stderr.includes("search"), usage.stderr);
  const english = rasd(["search", "--limit"], { env: { RASD_LANG: "en" } });
  assert.equal(english.status, 2);
  assert.doesNotMatch(english.stderr, ARABIC);
});
