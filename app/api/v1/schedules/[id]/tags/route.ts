import { tagRoutes } from "@/lib/http/tag-routes";

const routes = tagRoutes("schedule");
export const GET = routes.GET;
export const PUT = routes.PUT;
