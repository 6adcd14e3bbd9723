import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Hono } from "hono";
import { projectRoot } from "../core/paths.js";

interface Asset {
  type: string;
  body: Uint8Array;
}

const require = createRequire(import.meta.url);

/**
 * The only files the server sends from disk, by fixed name: the URL never becomes a path, so no request can reach
 * another file. The Arabic font comes from the @fontsource package (bundled, no CDN).
 */
function sources(): Record<string, { type: string; path: string }> {
  const pub = join(projectRoot(), "src", "server", "public");
  const font = (w: number) =>
    require.resolve(`@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-${w}-normal.woff2`);
  return {
    "app.css": { type: "text/css; charset=utf-8", path: join(pub, "app.css") },
    "app.js": { type: "text/javascript; charset=utf-8", path: join(pub, "app.js") },
    "desk.js": { type: "text/javascript; charset=utf-8", path: join(pub, "desk.js") },
    "favicon.svg": { type: "image/svg+xml", path: join(pub, "favicon.svg") },
    "fonts/naskh-400.woff2": { type: "font/woff2", path: font(400) },
    "fonts/naskh-700.woff2": { type: "font/woff2", path: font(700) },
  };
}

let assets: Map<string, Asset> | undefined;

function loadAssets(): Map<string, Asset> {
  if (assets !== undefined) return assets;
  assets = new Map(
    Object.entries(sources()).map(([name, s]) => [name, { type: s.type, body: new Uint8Array(readFileSync(s.path)) }]),
  );
  return assets;
}

export function mountStatic(app: Hono): void {
  const files = loadAssets();
  for (const [name, asset] of files) {
    app.get(`/static/${name}`, (c) => {
      c.header("Content-Type", asset.type);
      c.header("Cache-Control", "public, max-age=3600");
      return c.body(asset.body as Uint8Array<ArrayBuffer>);
    });
  }
}
