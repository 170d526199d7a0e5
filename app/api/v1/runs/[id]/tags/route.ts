import { tagRoutes } from "@/lib/http/tag-routes";

const routes = tagRoutes("run");
export const GET = routes.GET;
export const PUT = routes.PUT;
