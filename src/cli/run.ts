#!/usr/bin/env node
import { main } from "./main.js";

// stdout may be a pipe closed early (`rasd export | head`): that is not an error worth a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

const status = await main(process.argv.slice(2));
// Let pending writes drain, then exit with the contract's status.
process.exitCode = status;
