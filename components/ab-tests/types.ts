import type { listAbTests, statisticsOf } from "@/lib/services/ab-tests/read";

/** A test with its statistics, as GET /api/v1/ab-tests/{key} returns it. */
export type ApiAbTest = Awaited<ReturnType<typeof statisticsOf>>;
export type ApiAbArm = ApiAbTest["arms"][number];
export type AbTestListItem = Awaited<ReturnType<typeof listAbTests>>["items"][number];

/** One colour per arm (A is the control), readable on light and dark backgrounds. */
export const ARM_COLOURS = ["#6b7280", "#2f6fde", "#d97706", "#059669", "#9333ea", "#dc2626"];
