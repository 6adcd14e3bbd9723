import { noteText } from "../../i18n/index.js";
import { RasdError } from "../../core/errors.js";
import { startServer } from "../../server/serve.js";
import { startDesk } from "./serve-desk.js";
import type { Store } from "../../store/store.js";
import type { Command, CommandContext } from "../command.js";
import { stringOption } from "../command.js";

export const serveOptions = {
  port: { type: "string", value: "N", help: "port (default 8080; 0 picks a free one)" },
  host: { type: "string", value: "HOST", help: "address to listen on (default 127.0.0.1: this machine only)" },
  watch: {
    type: "string",
    multiple: true,
    value: "FILE|URL",
    help: "follow this feed (or every feed URL listed in FILE) as a desk source; repeatable",
  },
} as const;

function portOf(ctx: CommandContext): number {
  const raw = stringOption(ctx, "port") ?? "8080";
  const port = Number(raw);
  if (!/^\d+$/u.test(raw) || port > 65535)
    throw new RasdError("USAGE", `--port must be a number from 0 to 65535 (got "${raw}")`);
  return port;
}

function maxUpload(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env["RASD_MAX_UPLOAD_MB"];
  if (raw === undefined || raw === "") return undefined;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb <= 0 || mb > 1024)
    throw new RasdError("USAGE", `RASD_MAX_UPLOAD_MB must be a number of megabytes from 1 to 1024 (got "${raw}")`);
  return Math.round(mb * 1024 * 1024);
}

/**
 * Serves the store until SIGINT or SIGTERM, then closes the server and the store. The write token comes from the
 * environment (RASD_TOKEN), never from the command line, where other users of the machine could read it.
 */
export async function serveStore(
  ctx: CommandContext,
  store: Store,
  opts: { sessionToken?: string } = {},
): Promise<number> {
  const port = portOf(ctx);
  const host = stringOption(ctx, "host") ?? "127.0.0.1";
  const token = process.env["RASD_TOKEN"] || opts.sessionToken;
  const upload = maxUpload(process.env);
  const desk = await startDesk(ctx, store);
  const server = await startServer({
    onSourcesChanged: desk.poke,
    store,
    host,
    port,
    token,
    ...(upload !== undefined ? { maxUploadBytes: upload } : {}),
  }).catch((e: unknown) => {
    const code = (e as { code?: string }).code;
    if (code === "EADDRINUSE")
      throw new RasdError("USAGE", `port ${port} on ${host} is already in use; choose another with --port`);
    if (code === "EADDRNOTAVAIL")
      throw new RasdError("USAGE", `cannot listen on "${host}": no such address on this machine; check --host`);
    throw e;
  });
  if (ctx.globals.json)
    ctx.out.jsonLine({ url: server.url, store: store.db.location, writes: token ? "token" : "disabled" });
  else ctx.out.print(noteText(ctx.out.lang, "serveServing", { location: store.db.location, url: server.url }));
  if (!token) ctx.out.note(noteText(ctx.out.lang, "serveWritesDisabled"));
  else if (!process.env["RASD_TOKEN"]) ctx.out.note(noteText(ctx.out.lang, "serveSessionToken", { token }));
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "::1") {
    ctx.out.note(noteText(ctx.out.lang, "serveListening", { host }));
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await desk.stop();
  await server.close();
  return 0;
}

export const command: Command = {
  name: "serve",
  usage: "serve [--port 8080] [--host 127.0.0.1] [--watch FILE|URL…]",
  summary: "HTTP API and web UI",
  description: `Serves the JSON API (under /api, described at /api/openapi.json) and the web UI on the store.
Reads are open; writes (POST /api/ingest, the ingest page) need the token in $RASD_TOKEN.
Upload limit: $RASD_MAX_UPLOAD_MB (default 20). Stop with Ctrl-C.
The desk's sources (rasd sources, the /sources page, --watch) are polled inside the server; while it runs, every
other rasd command works on the same store from another terminal.

examples:
  rasd serve
  RASD_TOKEN=$(openssl rand -hex 16) rasd serve --port 8081
  rasd serve --watch https://www.example.com/rss.xml --watch feeds.txt`,
  options: serveOptions,
  async run(ctx) {
    const store = await ctx.openStore();
    try {
      return await serveStore(ctx, store);
    } finally {
      await store.close();
    }
  },
};
