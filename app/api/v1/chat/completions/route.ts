import { chatCompletionsHandler } from "@/lib/gateway/handlers";

// OpenAI's wire format: the official SDKs work with baseURL …/api/v1 and a project token as the API key.
export const POST = chatCompletionsHandler;
