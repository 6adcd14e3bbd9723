import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import type { ServerOptions } from "./context.js";

export interface Listening {
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

/**
 * Starts the HTTP server; loopback only unless `host` says otherwise (reads are open to whoever can connect). On
 * loopback it also answers only to loopback Host names, which defeats DNS rebinding.
 */
export async function startServer(opts: ServerOptions & { host?: string; port?: number }): Promise<Listening> {
  const host = opts.host ?? "127.0.0.1";
  // The Host check needs the port, known once listening (port 0 picks one): the app is built then.
  let fetch: (req: Request) => Response | Promise<Response> = () => new Response("starting", { status: 503 });
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: (req) => fetch(req), hostname: host, port: opts.port ?? 8080 },
      (info: AddressInfo) => {
        const hosts = LOOPBACK.has(host)
          ? ["127.0.0.1", "localhost", "[::1]"].map((h) => `${h}:${info.port}`)
          : undefined;
        const app = createApp({
          ...opts,
          ...(hosts !== undefined && opts.allowedHosts === undefined ? { allowedHosts: hosts } : {}),
        });
        fetch = (req) => app.fetch(req);
        const shown = info.family === "IPv6" ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${shown}:${info.port}/`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            }),
        });
      },
    );
    server.once("error", reject);
    // Slow clients must not hold connections forever.
    const s = server as { requestTimeout?: number; headersTimeout?: number };
    s.requestTimeout = 120_000;
    s.headersTimeout = 20_000;
  });
}
