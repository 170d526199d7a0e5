import { embeddingsHandler } from "@/lib/gateway/handlers";

export const POST = embeddingsHandler;
