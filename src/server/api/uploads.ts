import type { Context } from "hono";
import { RasdError } from "../../core/errors.js";
import type { Upload } from "../data/ingest.js";

/** Most files accepted in one request. */
export const MAX_FILES = 200;

/** The files of a multipart request (any field; a browser form uses "file"), with the other fields. */
export async function readForm(c: Context): Promise<{ uploads: Upload[]; fields: Map<string, string> }> {
  const type = c.req.header("content-type") ?? "";
  if (!/^multipart\/form-data/iu.test(type)) {
    throw new RasdError(
      "USAGE",
      `ingest: send the files as multipart/form-data (got "${type.slice(0, 60) || "no content type"}")`,
    );
  }
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch (e) {
    if (e instanceof RasdError) throw e;
    throw new RasdError("USAGE", "ingest: the multipart body could not be read; send files as multipart/form-data");
  }
  const uploads: Upload[] = [];
  const fields = new Map<string, string>();
  for (const [key, value] of Object.entries(body)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v instanceof File) {
        if (v.size === 0 && v.name === "") continue; // an empty file input
        uploads.push({ name: v.name, bytes: new Uint8Array(await v.arrayBuffer()) });
      } else if (typeof v === "string") fields.set(key, v);
    }
  }
  if (uploads.length > MAX_FILES)
    throw new RasdError("TOO_LARGE", `ingest: at most ${MAX_FILES} files per request (got ${uploads.length})`);
  return { uploads, fields };
}

export async function readUploads(c: Context): Promise<Upload[]> {
  return (await readForm(c)).uploads;
}
