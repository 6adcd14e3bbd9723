import { register } from "node:module";

// Preloaded with `node --import` to log every module the process loads (see load-log-hooks.ts).
register("./load-log-hooks.js", import.meta.url);
