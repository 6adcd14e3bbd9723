import { z } from "zod";
import { DESK_PATHS } from "./desk-openapi.js";
import { ENDPOINTS, openApiPath, type Endpoint } from "./endpoints.js";

type Json = Record<string, unknown>;

const ERROR_SCHEMA: Json = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: {
          type: "string",
          description: "rasd's error code (USAGE, NOT_FOUND, UNAUTHORIZED, TOO_LARGE, NOT_AVAILABLE…)",
        },
        message: { type: "string" },
      },
    },
  },
};

function parameters(e: Endpoint): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ["path", e.params],
    ["query", e.query],
  ] as const) {
    if (schema === undefined) continue;
    const js = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" }) as {
      properties?: Record<string, Json>;
      required?: string[];
    };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      const { description, ...rest } = prop;
      out.push({
        name,
        in: where,
        required: where === "path" || ((js.required ?? []).includes(name) && !("default" in rest)),
        ...(typeof description === "string" ? { description } : {}),
        schema: rest,
      });
    }
  }
  return out;
}

function operation(e: Endpoint): Json {
  const responses: Json = {
    200: {
      description: "success",
      content: Object.fromEntries(
        (e.produces ?? ["application/json"]).map((type) => [
          type,
          { schema: type === "application/json" ? { type: "object" } : { type: "string" } },
        ]),
      ),
    },
  };
  for (const [status, why] of Object.entries(e.errors)) {
    responses[status] = {
      description: why,
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  responses["500"] = {
    description: "unexpected failure (no details are exposed)",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  };
  const op: Json = {
    operationId: e.operationId,
    summary: e.summary,
    tags: [e.tag],
    parameters: parameters(e),
    responses,
  };
  if (e.write) op["security"] = [{ token: [] }];
  if (e.body === "multipart") {
    op["requestBody"] = {
      required: true,
      content: {
        "multipart/form-data": {
          schema: {
            type: "object",
            properties: { file: { type: "array", items: { type: "string", format: "binary" } } },
            required: ["file"],
          },
        },
      },
    };
  }
  return op;
}

/** The OpenAPI 3.1 document of the API, built from the endpoint table (so it lists exactly what is served). */
export function openApiDocument(version: string): Json {
  const paths: Record<string, Json> = {};
  for (const e of ENDPOINTS) {
    const p = openApiPath(e.path);
    paths[p] = { ...(paths[p] ?? {}), [e.method]: operation(e) };
  }
  Object.assign(paths, DESK_PATHS);
  paths["/api/openapi.json"] = {
    get: {
      operationId: "openapi",
      summary: "this document",
      tags: ["meta"],
      parameters: [],
      responses: {
        200: { description: "the OpenAPI document", content: { "application/json": { schema: { type: "object" } } } },
      },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "rasd API",
      version,
      description:
        "Arabic news intelligence: articles, stories, topics, entities, search and ingest. Reads are open; writes need the server's RASD_TOKEN as a bearer token. Errors are {error: {code, message}}.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: { token: { type: "http", scheme: "bearer", description: "the value of RASD_TOKEN" } },
    },
  };
}
