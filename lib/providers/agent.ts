import { Agent } from "undici";
import { guardedLookup } from "./url-safety";

/** One pooled, keep-alive agent for every outbound call; its DNS lookup refuses unsafe addresses. */
export const outboundAgent = new Agent({ connect: { lookup: guardedLookup as never }, keepAliveTimeout: 30_000, connections: 256 });
