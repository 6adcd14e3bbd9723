import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { projectRoot } from "../../src/core/paths.js";
import { readShare, SHARE_FILE } from "../../src/store/share/host.js";
import { connectShared } from "../../src/store/share/remote.js";
import { decode, encode } from "../../src/store/share/wire.js";
import { Store } from "../../src/store/store.js";
import { jsonLines, rasdAsync, tempDir } from "../helpers/cli.js";

const SAMPLE = join(projectRoot(), "sample");

describe("the wire between the holder of a store and its clients", () => {
  it("carries what JSON cannot (bigint, bytes, dates, NaN) and everything else unchanged", () => {
    const rows = [
      {
        big: 2n ** 70n,
        bytes: new Uint8Array([0, 1, 254, 255]),
        date: new Date("2024-03-18T10:00:00.000Z"),
        nan: Number.NaN,
        inf: -Infinity,
        text: 'سطر\nثان \u2028 «اقتباس» \\ "',
        nested: { a: [1, null, "x"], b: { c: true } },
      },
    ];
    const back = decode<{ id: number; rows: typeof rows }>(encode({ id: 7, rows }).trimEnd());
    assert.equal(back.id, 7);
    const r = back.rows[0]!;
    assert.equal(r.big, 2n ** 70n);
    assert.deepEqual([...r.bytes], [0, 1, 254, 255]);
    assert.ok(r.date instanceof Date && r.date.toISOString() === "2024-03-18T10:00:00.000Z");
    assert.ok(Number.isNaN(r.nan));
    assert.equal(r.inf, -Infinity);
    assert.equal(r.text, rows[0]!.text);
    assert.deepEqual(r.nested, rows[0]!.nested);
    assert.equal(encode({ id: 1, rows: [{ t: "a\nb" }] }).split("\n").length, 2, "one message is one line");
  });
});

describe("an embedded store held by one process, used by others", { timeout: 600_000 }, () => {
  let dir: string;
  let store: Store;

  before(async () => {
    dir = tempDir("rasd-share-");
    store = await Store.open({ dir });
  });

  after(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lets the command line ingest, list, search, read and export from another process, with no flag", async () => {
    const ing = await rasdAsync(["ingest", "--store", dir, "--json", SAMPLE]);
    assert.equal(ing.status, 0, ing.stderr);
    const report = JSON.parse(ing.stdout) as { stored: number; documents: number };
    assert.ok(report.stored > 0);
    const [local] = await store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM articles");
    assert.equal(local!.n, report.stored, "what the other process stored is in the holder's store");

    const stories = await rasdAsync(["stories", "--store", dir, "--json"]);
    assert.equal(stories.status, 0, stories.stderr);
    const [firstStory] = jsonLines<{ id: string }>(stories.stdout);
    assert.ok(firstStory !== undefined);
    const story = await rasdAsync(["story", "--store", dir, "--json", firstStory.id]);
    assert.equal(story.status, 0, story.stderr);
    assert.equal((JSON.parse(story.stdout) as { id: string }).id, firstStory.id);

    const search = await rasdAsync(["search", "--store", dir, "--json", "الشروق"]);
    assert.equal(search.status, 0, search.stderr);
    assert.ok(search.stdout.trim() !== "");

    const exported = await rasdAsync(["export", "--store", dir]);
    assert.equal(exported.status, 0, exported.stderr);
    assert.equal(jsonLines(exported.stdout).length, report.stored);
  });

  it("stores each article once when two processes ingest the same pages at the same time", async () => {
    const [before] = await store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM articles");
    const runs = await Promise.all([
      rasdAsync(["ingest", "--store", dir, "--json", SAMPLE]),
      rasdAsync(["ingest", "--store", dir, "--json", SAMPLE]),
    ]);
    for (const r of runs) assert.equal(r.status, 0, r.stderr);
    const [after] = await store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM articles");
    assert.equal(after!.n, before!.n, "nothing stored twice");
    const [orphans] = await store.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM articles WHERE story_id IS NULL",
    );
    assert.equal(orphans!.n, 0, "every article is in a story");
  });

  it("rolls back the transaction of a client that goes away in the middle of it", async () => {
    const info = readShare(dir)!;
    const sock = connect({ host: "127.0.0.1", port: info.port });
    await new Promise((r) => sock.once("connect", r));
    sock.write(encode({ id: 1, op: "hello", token: info.token }));
    sock.write(encode({ id: 2, op: "begin" }));
    sock.write(encode({ id: 3, op: "exec", text: "CREATE TABLE half_done (x int)" }));
    await new Promise<void>((resolve) => {
      let seen = "";
      sock.on("data", (b: Buffer) => {
        seen += b.toString();
        if (seen.split("\n").length > 3) resolve();
      });
    });
    sock.destroy();
    // The holder's next query waits for the rollback, then runs: the table was never there.
    const rows = await store.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half_done'",
    );
    assert.equal(rows[0]!.n, 0);
  });

  it("refuses a client without the token, and keeps the token readable by this user only", async () => {
    const info = readShare(dir)!;
    await assert.rejects(connectShared({ ...info, token: "0".repeat(info.token.length) }, dir, dir), /token/u);
    const mode = (await import("node:fs")).statSync(join(dir, SHARE_FILE)).mode & 0o777;
    assert.equal(mode, 0o600);
  });

  it("tells a client what to do when the holder stops under it", async () => {
    const client = await connectShared(readShare(dir)!, dir, dir);
    assert.equal((await client.query<{ one: number }>("SELECT 1 AS one"))[0]!.one, 1);
    await store.close();
    assert.ok(!existsSync(join(dir, SHARE_FILE)), "the share file goes with its holder");
    await assert.rejects(client.query("SELECT 1"), /stopped while this command used it; run the command again/u);
    await client.close();
    // The store is free again: the next process holds it itself.
    store = await Store.open({ dir });
    assert.equal(Number(readFileSync(join(dir, "rasd.lock"), "utf8")), process.pid);
  });
});
