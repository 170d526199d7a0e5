/** The largest PostgreSQL `integer`: ids, versions, positions and samples above it are refused as input (400), not by the database (500). */
export const MAX_INT = 2_147_483_647;
