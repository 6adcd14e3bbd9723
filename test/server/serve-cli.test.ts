import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { describe, it } from "node:test";
import { rasd, rasdSpawn, tempDir } from "../helpers/cli.js";

describe("rasd serve", () => {
  it("refuses a bad port with exit 2 and says what to do", () => {
    const r = rasd(["serve", "--port", "http"]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--port must be a number/u);
  });

  it("serves the store on loopback, prints its address, and stops cleanly on SIGTERM", async () => {
    const dir = tempDir("rasd-serve-");
    try {
      const child = rasdSpawn(["serve", "--store", dir, "--port", "0", "--json"]);
      const first = await new Promise<string>((resolve, reject) => {
        const rl = createInterface({ input: child.stdout });
        rl.once("line", resolve);
        child.once("exit", (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const info = JSON.parse(first) as { url: string; writes: string };
      assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+\/$/u);
      assert.equal(info.writes, "disabled");
      const res = await fetch(new URL("/api/openapi.json", info.url));
      assert.equal(res.status, 200);
      const code = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      assert.equal(await code, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("startServer on loopback", () => {
  it("answers only to loopback host names (no DNS rebinding)", async () => {
    const { Store } = await import("../../src/store/store.js");
    const { startServer } = await import("../../src/server/serve.js");
    const { request } = await import("node:http");
    const store = await Store.open({ dir: "memory://" });
    const server = await startServer({ store, port: 0, log: () => {} });
    try {
      const port = new URL(server.url).port;
      const status = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const req = request({ host: "127.0.0.1", port, path: "/api/openapi.json", headers: { host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.once("error", reject);
          req.end();
        });
      assert.equal(await status(`127.0.0.1:${port}`), 200);
      assert.equal(await status(`localhost:${port}`), 200);
      assert.equal(await status(`attacker.example:${port}`), 421);
    } finally {
      await server.close();
      await store.close();
    }
  });
});
