import { publicRoute } from "@/lib/http/route";
import { apiDocument } from "./paths";

export const GET = publicRoute({}, () => apiDocument());
