#!/usr/bin/env node
// The installed entry point: runs the compiled command line (npm run build writes dist/).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const compiled = new URL("../dist/src/cli/run.js", import.meta.url);
if (!existsSync(fileURLToPath(compiled))) {
  process.stderr.write("rasd: not built yet; run 'npm run build' in the project folder first\n");
  process.exit(1);
}
await import(compiled.href);
