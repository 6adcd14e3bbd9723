import { Logger, type LogFunctionFactory } from "graphile-worker";

/**
 * graphile-worker's log lines, routed to rasd's stderr conventions: errors and warnings are shown (prefixed so the
 * reader knows where they come from), debug and info chatter (every job started/completed) only with RASD_DEBUG.
 */
export function graphileLogger(write: (line: string) => void = (l) => process.stderr.write(l + "\n")): Logger {
  const factory: LogFunctionFactory = () => (level, message) => {
    const l = String(level);
    if (l === "error" || l === "warning" || process.env["RASD_DEBUG"]) write(`rasd queue: ${message}`);
  };
  return new Logger(factory);
}
