import { existsSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../src/core/paths.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ENDPOINTS, openApiPath } from "../../src/server/api/endpoints.js";
import { openApiDocument } from "../../src/server/api/openapi.js";
import { createApp } from "../../src/server/app.js";
import { Store } from "../../src/store/store.js";

type Json = Record<string, unknown>;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * The structural rules of OpenAPI 3.1 that a consumer (a client generator, a validator) relies on: required
 * top-level fields, unique operationIds, responses on every operation, every path template parameter declared as a
 * required path parameter and every declared path parameter present in the template, parameters with name/in/schema,
 * and every $ref resolvable.
 */
function validateOpenApi(doc: Json): string[] {
  const problems: string[] = [];
  if (typeof doc["openapi"] !== "string" || !/^3\.1\.\d+$/u.test(doc["openapi"]))
    problems.push("openapi must be 3.1.x");
  const info = doc["info"] as Json | undefined;
  if (typeof info?.["title"] !== "string" || typeof info["version"] !== "string")
    problems.push("info.title and info.version are required");
  const paths = doc["paths"] as Record<string, Json> | undefined;
  if (paths === undefined) return [...problems, "paths is required"];
  const ops = new Set<string>();
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith("/")) problems.push(`${path}: paths start with /`);
    const templated = [...path.matchAll(/\{([^}]+)\}/gu)].map((m) => m[1]!);
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) problems.push(`${path}: unknown method ${method}`);
      const o = op as Json;
      const id = o["operationId"];
      if (typeof id !== "string" || ops.has(id)) problems.push(`${path} ${method}: operationId missing or repeated`);
      else ops.add(id);
      const responses = o["responses"] as Json | undefined;
      if (responses === undefined || Object.keys(responses).length === 0)
        problems.push(`${path} ${method}: no responses`);
      for (const [code, r] of Object.entries(responses ?? {})) {
        if (!/^[1-5]\d\d$|^default$/u.test(code)) problems.push(`${path} ${method}: bad status ${code}`);
        if (typeof (r as Json)["description"] !== "string")
          problems.push(`${path} ${method} ${code}: description required`);
      }
      const params = (o["parameters"] ?? []) as Json[];
      const seen = new Set<string>();
      for (const p of params) {
        if (
          typeof p["name"] !== "string" ||
          !["query", "path", "header", "cookie"].includes(String(p["in"])) ||
          typeof p["schema"] !== "object"
        ) {
          problems.push(`${path} ${method}: parameter needs name, in and schema`);
        }
        const key = `${String(p["in"])}:${String(p["name"])}`;
        if (seen.has(key)) problems.push(`${path} ${method}: parameter ${key} repeated`);
        seen.add(key);
        if (p["in"] === "path" && (p["required"] !== true || !templated.includes(String(p["name"]))))
          problems.push(`${path} ${method}: path parameter ${String(p["name"])} must be required and in the path`);
      }
      for (const t of templated) if (!seen.has(`path:${t}`)) problems.push(`${path} ${method}: {${t}} not declared`);
    }
  }
  const text = JSON.stringify(doc);
  for (const m of text.matchAll(/"\$ref":"#\/([^"]+)"/gu)) {
    let node: unknown = doc;
    for (const part of m[1]!.split("/")) node = (node as Json | undefined)?.[part];
    if (node === undefined) problems.push(`unresolved $ref #/${m[1]!}`);
  }
  return problems;
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument("1.0.0");

  it("is valid OpenAPI 3.1", () => {
    assert.deepEqual(validateOpenApi(doc), []);
  });

  it("the validator catches what it claims to", () => {
    const broken = structuredClone(doc) as {
      paths: Record<string, Record<string, { parameters: unknown[]; responses: unknown }>>;
    };
    broken.paths["/api/stories/{id}"]!["get"]!.parameters = [];
    broken.paths["/api/search"]!["get"]!.responses = {};
    const problems = validateOpenApi(broken as unknown as Json);
    assert.ok(problems.some((p) => p.includes("{id} not declared")));
    assert.ok(problems.some((p) => p.includes("no responses")));
  });

  it("lists every endpoint the server mounts under /api, and nothing it does not", async () => {
    const store = await Store.open({ dir: "memory://" });
    try {
      const app = createApp({ store, log: () => {} });
      const served = new Set(
        app.routes
          .filter((r) => r.path.startsWith("/api/") && r.method !== "ALL")
          .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`),
      );
      const documented = new Set<string>();
      for (const [path, item] of Object.entries(doc["paths"] as Record<string, Json>))
        for (const m of Object.keys(item)) documented.add(`${m} ${path}`);
      assert.deepEqual([...served].sort(), [...documented].sort());
      assert.ok(ENDPOINTS.length >= 10);
      for (const name of ["articles", "stories", "topics", "entities", "search", "ingest"]) {
        assert.ok(
          [...documented].some((d) => d.includes(`/api/${name}`)),
          name,
        );
      }
      const res = await app.request("/api/openapi.json");
      assert.equal(res.status, 200);
      assert.deepEqual(validateOpenApi((await res.json()) as Json), []);
    } finally {
      await store.close();
    }
  });

  it("names only files that are in the repository", () => {
    const text = JSON.stringify(doc);
    // Paths of files (not URL paths of the API, which start with a slash).
    const local = [...text.matchAll(/(?<![\w/.-])([\w-]+(?:\/[\w.-]+)*\.(?:md|ts|json|ya?ml))\b/gu)].map((m) => m[1]!);
    assert.ok(local.includes("src/core/types.ts"), "the shapes are named by their file");
    for (const f of local) assert.ok(existsSync(join(projectRoot(), f)), `${f} is named but not in the repository`);
  });
});
