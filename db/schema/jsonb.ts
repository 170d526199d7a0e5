import { customType } from "drizzle-orm/pg-core";

/**
 * jsonb that round-trips JSON strings. drizzle's own jsonb re-parses string values that postgres.js
 * has already parsed, so a stored "8" would come back as the number 8, and "true" as a boolean.
 */
export const jsonb = customType<{ data: unknown; driverData: unknown }>({
  dataType: () => "jsonb",
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => value,
});
