import { randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Driver, Sql } from "../sql.js";
import { decode, encode, lineReader, toWire, type Request, type Response } from "./wire.js";

/** The file, beside the lock, that tells other processes where the holder of the store listens. */
export const SHARE_FILE = "rasd.share";

export interface ShareInfo {
  pid: number;
  port: number;
  token: string;
}

/**
 * A transaction left open this long with nothing asked of it is rolled back and its client dropped: a client
 * stopped (Ctrl-Z, a debugger) while holding the store's one transaction must not stop everyone else.
 */
const IDLE_IN_TRANSACTION_MS = 60_000;

/** How long closing waits for transactions in flight to finish before it drops their clients. */
const CLOSE_GRACE_MS = 10_000;

class Rollback extends Error {}

/** One connected client: its requests run one after another, in the order sent. */
class Session {
  private tail: Promise<unknown> = Promise.resolve();
  private tx: { sql: Sql; end: (commit: boolean) => void; done: Promise<void> } | undefined;
  private authorised = false;
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly db: Driver,
    private readonly token: string,
  ) {
    socket.setNoDelay(true);
    socket.on(
      "data",
      lineReader((line) => this.enqueue(line)),
    );
    socket.on("error", () => socket.destroy());
    socket.on("close", () => this.abandon());
  }

  get inTransaction(): boolean {
    return this.tx !== undefined;
  }

  /** Ends the session; an open transaction is rolled back (its client is gone, so is its work). */
  abandon(): void {
    clearTimeout(this.idle);
    this.tx?.end(false);
    this.tx = undefined;
    this.socket.destroy();
  }

  private enqueue(line: string): void {
    let req: Request;
    try {
      req = decode<Request>(line);
    } catch {
      this.socket.destroy();
      return;
    }
    this.tail = this.tail.then(() => this.answer(req));
  }

  private reply(r: Response): void {
    if (!this.socket.destroyed) this.socket.write(encode(r));
  }

  private async answer(req: Request): Promise<void> {
    if (this.socket.destroyed) return;
    if (!this.authorised) {
      const ok =
        req.op === "hello" &&
        typeof req.token === "string" &&
        req.token.length === this.token.length &&
        timingSafeEqual(Buffer.from(req.token), Buffer.from(this.token));
      if (!ok) {
        this.reply({ id: req.id, error: { message: "this client did not present the store's token" } });
        this.socket.end();
        return;
      }
      this.authorised = true;
      this.reply({ id: req.id, rows: [] });
      return;
    }
    clearTimeout(this.idle);
    try {
      this.reply({ id: req.id, rows: await this.run(req) });
    } catch (e) {
      this.reply({ id: req.id, error: toWire(e) });
    }
    if (this.tx !== undefined) this.idle = setTimeout(() => this.abandon(), IDLE_IN_TRANSACTION_MS);
  }

  private async run(req: Request): Promise<unknown[]> {
    const sql: Sql = this.tx?.sql ?? this.db;
    switch (req.op) {
      case "query":
        return sql.query(req.text, req.params);
      case "exec":
        await sql.exec(req.text);
        return [];
      case "begin":
        if (this.tx !== undefined) throw new Error("a transaction is already open on this connection");
        await this.begin();
        return [];
      case "commit":
      case "rollback": {
        const tx = this.tx;
        if (tx === undefined) throw new Error(`no transaction to ${req.op}`);
        this.tx = undefined;
        tx.end(req.op === "commit");
        await tx.done;
        return [];
      }
      default:
        throw new Error(`unknown request "${(req as { op: string }).op}"`);
    }
  }

  /**
   * Opens a transaction through the driver (which waits its turn: the store runs one transaction at a time) and
   * keeps it open until the client commits or rolls back, or goes away.
   */
  private begin(): Promise<void> {
    return new Promise<void>((opened, failed) => {
      let end: (commit: boolean) => void = () => {};
      const finished = new Promise<boolean>((resolve) => (end = resolve));
      let started = false;
      const done: Promise<void> = this.db
        .transaction(async (sql) => {
          started = true;
          this.tx = { sql, end, done };
          opened();
          if (!(await finished)) throw new Rollback("rolled back");
        })
        .catch((e: unknown) => {
          if (!(e instanceof Rollback)) throw e;
        });
      done.catch((e: unknown) => {
        if (!started) failed(e);
      });
    });
  }
}

export interface Sharing {
  info: ShareInfo;
  /** Stops taking clients, lets transactions in flight finish (briefly), drops the rest, removes the share file. */
  close(): Promise<void>;
}

/**
 * Makes the store this process holds usable by other rasd processes on this machine: a listener on loopback,
 * its port and a random token written to `rasd.share` in the store folder (readable by this user only).
 */
export async function shareStore(db: Driver, dir: string): Promise<Sharing> {
  const token = randomBytes(24).toString("hex");
  const sessions = new Set<Session>();
  const server: Server = createServer((socket) => {
    const s = new Session(socket, db, token);
    sessions.add(s);
    socket.on("close", () => sessions.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  server.unref();
  const info: ShareInfo = { pid: process.pid, port: (server.address() as AddressInfo).port, token };
  const path = join(dir, SHARE_FILE);
  writeFileSync(path + ".tmp", JSON.stringify(info), { mode: 0o600 });
  renameSync(path + ".tmp", path);
  return {
    info,
    async close() {
      rmSync(path, { force: true });
      server.close();
      const until = Date.now() + CLOSE_GRACE_MS;
      while ([...sessions].some((s) => s.inTransaction) && Date.now() < until)
        await new Promise((r) => setTimeout(r, 20));
      for (const s of sessions) s.abandon();
    },
  };
}

/** What the holder of the store in `dir` wrote about itself, if anything readable. */
export function readShare(dir: string): ShareInfo | undefined {
  try {
    const o = JSON.parse(readFileSync(join(dir, SHARE_FILE), "utf8")) as Partial<ShareInfo>;
    if (typeof o.pid === "number" && typeof o.port === "number" && typeof o.token === "string")
      return { pid: o.pid, port: o.port, token: o.token };
  } catch {
    // absent (the holder is starting) or half-written
  }
  return undefined;
}
