import { publicRoute } from "@/lib/http/route";
import { buildDocument } from "@/lib/openapi/document";
import pkg from "@/package.json";
import { apiRoutes } from "./paths";
import * as self from "./route";

// Annotated: the document lists this route too, so the module reads its own export.
export const GET: ReturnType<typeof publicRoute> = publicRoute({}, async () => buildDocument(apiRoutes(self), { version: pkg.version }));
