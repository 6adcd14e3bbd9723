import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { describe, it } from "node:test";
import { rasd, tempDir } from "../helpers/cli.js";

describe("rasd sources", () => {
  it("adds, lists, pauses, resumes and removes feeds kept in the store", () => {
    const dir = tempDir("rasd-sources-");
    try {
      const feed = "https://news.example.org/rss.xml";
      const add = rasd(["sources", "add", "--store", dir, "--json", "--interval", "120", feed]);
      assert.equal(add.status, 0, add.stderr);
      assert.equal((JSON.parse(add.stdout) as { intervalS: number }).intervalS, 120);
      const pause = rasd(["sources", "pause", "--store", dir, "--json", feed]);
      assert.equal((JSON.parse(pause.stdout) as { paused: boolean }).paused, true);
      const list = rasd(["sources", "list", "--store", dir]);
      assert.equal(list.status, 0, list.stderr);
      assert.match(list.stdout, /news\.example\.org\/rss\.xml {2}paused; every 120 s; last poll never/u);
      assert.equal(rasd(["sources", "resume", "--store", dir, feed]).status, 0);
      assert.equal(rasd(["sources", "remove", "--store", dir, feed]).status, 0);
      const gone = rasd(["sources", "remove", "--store", dir, feed]);
      assert.equal(gone.status, 1);
      assert.match(gone.stderr, /does not follow/u);
      assert.equal(rasd(["sources", "list", "--store", dir, "--json"]).stdout, "");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses what is not a feed URL, and an unknown action, with exit 2", () => {
    const dir = tempDir("rasd-sources-");
    try {
      const bad = rasd(["sources", "add", "--store", dir, "ftp://x.example/feed"]);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /not an http\(s\) URL/u);
      assert.equal(rasd(["sources", "frobnicate", "--store", dir]).status, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
