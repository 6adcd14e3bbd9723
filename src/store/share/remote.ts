import { connect, type Socket } from "node:net";
import { RasdError } from "../../core/errors.js";
import type { Driver, Sql } from "../sql.js";
import type { ShareInfo } from "./host.js";
import { decode, encode, lineReader, type Request, type Response, type WireError } from "./wire.js";

type Ask =
  | { op: "query"; text: string; params: unknown[] }
  | { op: "exec"; text: string }
  | { op: "begin" | "commit" | "rollback" };

/** An error from the holder, with the code it had there (a SQLSTATE such as 23505 stays visible to callers). */
function fromWire(w: WireError): Error {
  const e = new Error(w.message) as Error & { code?: string; detail?: string };
  if (w.code !== undefined) e.code = w.code;
  if (w.detail !== undefined) e.detail = w.detail;
  return e;
}

/** A one-at-a-time lock: while a transaction is open, this process's other queries wait, as they do on PGlite. */
function mutex(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const next = tail.then(fn, fn);
    tail = next.catch(() => {});
    return next;
  };
}

/**
 * The embedded store held by another process (`rasd serve`, `rasd watch`…), used through it: every query goes to
 * that process and runs on its PGlite, in the order the holder receives them, one transaction at a time. Same
 * `Driver` as a local store, so every command works unchanged.
 */
export async function connectShared(info: ShareInfo, dir: string, location: string): Promise<Driver> {
  const socket: Socket = await new Promise((resolve, reject) => {
    const s = connect({ host: "127.0.0.1", port: info.port }, () => resolve(s));
    s.once("error", reject);
  });
  socket.setNoDelay(true);
  let nextId = 1;
  let lost: Error | undefined;
  const pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();
  const gone = () =>
    new RasdError(
      "STORE",
      `the process that holds the store "${dir}" (pid ${info.pid}) stopped while this command used it; run the command again: what was committed is kept and not stored twice`,
      { input: dir },
    );
  socket.on(
    "data",
    lineReader((line) => {
      const r = decode<Response>(line);
      const p = pending.get(r.id);
      if (p === undefined) return;
      pending.delete(r.id);
      if (r.error !== undefined) p.reject(fromWire(r.error));
      else p.resolve(r.rows ?? []);
    }),
  );
  socket.on("error", () => {});
  socket.on("close", () => {
    lost = gone();
    for (const p of pending.values()) p.reject(lost);
    pending.clear();
  });

  const send = (ask: Ask | { op: "hello"; token: string }): Promise<unknown[]> => {
    if (lost !== undefined) return Promise.reject(lost);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.write(encode({ id, ...ask } as Request));
    });
  };
  try {
    await send({ op: "hello", token: info.token });
  } catch (e) {
    socket.destroy();
    throw e;
  }

  const inTx: Sql = {
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await send({ op: "query", text, params: [...params] })) as T[];
    },
    async exec(text: string) {
      await send({ op: "exec", text });
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      return fn(inTx); // already inside one, as on PGlite: the outer transaction covers this
    },
  };
  const exclusive = mutex();
  return {
    kind: "pglite",
    location,
    query: (text, params) => exclusive(() => inTx.query(text, params)),
    exec: (text) => exclusive(() => inTx.exec(text)),
    transaction: <T>(fn: (tx: Sql) => Promise<T>) =>
      exclusive(async () => {
        await send({ op: "begin" });
        let out: T;
        try {
          out = await fn(inTx);
        } catch (e) {
          await send({ op: "rollback" }).catch(() => {});
          throw e;
        }
        await send({ op: "commit" });
        return out;
      }),
    async close() {
      await new Promise<void>((resolve) => {
        if (socket.destroyed) return resolve();
        socket.once("close", () => resolve());
        socket.end();
      });
    },
  };
}
