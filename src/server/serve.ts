import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import type { ServerOptions } from "./context.js";

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** Starts the HTTP server; loopback only unless `host` says otherwise (reads are open to whoever can connect). */
export async function startServer(opts: ServerOptions & { host?: string; port?: number }): Promise<Listening> {
  const app = createApp(opts);
  const host = opts.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: opts.port ?? 8080 }, (info: AddressInfo) => {
      const shown = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}/`,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        }),
      });
    });
    server.once("error", reject);
    // Slow clients must not hold connections forever.
    const s = server as { requestTimeout?: number; headersTimeout?: number };
    s.requestTimeout = 120_000;
    s.headersTimeout = 20_000;
  });
}
