import type { Store } from "../store/store.js";

/** What the app is built with. */
export interface ServerOptions {
  store: Store;
  /** The write token (RASD_TOKEN). Without it, every write is refused. */
  token?: string | undefined;
  /** Largest request body accepted by the ingest endpoints, in bytes (default 20 MB). */
  maxUploadBytes?: number;
  /** Largest body of any other request (default 64 KB). */
  maxBodyBytes?: number;
  /**
   * Host headers accepted (lower case, with port). Set by startServer when it listens on loopback, so that a web
   * page elsewhere cannot read the store through DNS rebinding (its requests carry its own host name).
   */
  allowedHosts?: readonly string[];
  /** Called when a desk source is added or resumed, so that the poller looks at once (docs/desk.md). */
  onSourcesChanged?: () => void;
  /** How often the live river looks for new articles, in ms (default 1000). */
  liveTickMs?: number;
  /** Called with unexpected errors (default: one line on stderr). */
  log?: (message: string) => void;
}

export const DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024;
export const DEFAULT_MAX_BODY = 64 * 1024;
