import { tagRoutes } from "@/lib/http/tag-routes";

const routes = tagRoutes("benchmark");
export const GET = routes.GET;
export const PUT = routes.PUT;
