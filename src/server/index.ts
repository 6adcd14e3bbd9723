export { createApp } from "./app.js";
export { startServer, type Listening } from "./serve.js";
export type { ServerOptions } from "./context.js";
export { ENDPOINTS, openApiPath, type Endpoint } from "./api/endpoints.js";
export { openApiDocument } from "./api/openapi.js";
export { CSP, checkToken } from "./security.js";
export { safeName } from "./data/ingest.js";
