/** The desk's endpoints (sources, live events, watchlists, alerts) in the OpenAPI document. */
type Json = Record<string, unknown>;

const json = (description: string, schema: Json = { type: "object" }): Json => ({
  description,
  content: { "application/json": { schema } },
});
const error = json("error", { $ref: "#/components/schemas/Error" });
const query = (name: string, schema: Json, required = false): Json => ({ name, in: "query", required, schema });
const body = (schema: Json): Json => ({ required: true, content: { "application/json": { schema } } });

function op(id: string, summary: string, extra: Json, write = false): Json {
  return {
    operationId: id,
    summary,
    tags: ["desk"],
    parameters: [],
    ...(write ? { security: [{ token: [] }] } : {}),
    ...extra,
    responses: {
      200: json(summary),
      ...(write ? { 401: error } : {}),
      400: error,
      ...((extra["responses"] as Json | undefined) ?? {}),
    },
  };
}

export const DESK_PATHS: Record<string, Json> = {
  "/api/sources": {
    get: op("listSources", "the feeds the desk follows, with their health", {}),
    post: op(
      "addSource",
      "follow a feed",
      {
        requestBody: body({
          type: "object",
          required: ["url"],
          properties: { url: { type: "string" }, interval: { type: "number" } },
        }),
        responses: { 201: json("the source") },
      },
      true,
    ),
    delete: op(
      "removeSource",
      "stop following a feed",
      { parameters: [query("url", { type: "string" }, true)], responses: { 404: error } },
      true,
    ),
  },
  "/api/sources/pause": {
    post: op(
      "pauseSource",
      "pause or resume a feed",
      {
        requestBody: body({
          type: "object",
          required: ["url", "paused"],
          properties: { url: { type: "string" }, paused: { type: "boolean" } },
        }),
      },
      true,
    ),
  },
  "/api/breaking": {
    get: op("breaking", "the stories that grew in the last 3 hours, by burst score (momentum)", {}),
  },
  "/api/events": {
    get: {
      operationId: "events",
      summary: "Server-Sent Events: one 'river' event per change in the store",
      tags: ["desk"],
      parameters: [],
      responses: {
        200: { description: "an event stream", content: { "text/event-stream": { schema: { type: "string" } } } },
      },
    },
  },
  "/api/watchlists": {
    get: op("listWatchlists", "the watchlists (without their webhook secrets)", {}),
    post: op(
      "createWatchlist",
      "follow an entity, a query or an outlet",
      {
        requestBody: body({
          type: "object",
          required: ["kind", "value"],
          properties: {
            kind: { type: "string", enum: ["entity", "query", "outlet"] },
            value: { type: "string" },
            name: { type: "string" },
            webhook: { type: "string" },
            secret: { type: "string" },
          },
        }),
        responses: { 201: json("the watchlist, with its webhook secret (shown once)") },
      },
      true,
    ),
  },
  "/api/watchlists/{id}": {
    delete: op(
      "deleteWatchlist",
      "delete a watchlist and its alerts",
      {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { 404: error },
      },
      true,
    ),
  },
  "/api/alerts": {
    get: op("listAlerts", "the newest alerts (kind new-story or new-outlet) and the unread count", {
      parameters: [
        query("watchlist", { type: "string" }),
        query("limit", { type: "integer", minimum: 1, maximum: 1000 }),
      ],
    }),
  },
  "/api/alerts/read": {
    post: op(
      "readAlerts",
      "mark alerts read up to a sequence number",
      {
        requestBody: body({ type: "object", required: ["upTo"], properties: { upTo: { type: "integer" } } }),
      },
      true,
    ),
  },
};
