import { fillPlaceholders, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { databaseUrl } from "@/lib/env";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
/** A database handle or an open transaction: services accept either. */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

let instance: { db: Database; client: postgres.Sql } | undefined;

function connect() {
  if (!instance) {
    const client = postgres(databaseUrl(), { max: 10, onnotice: () => {} });
    instance = { db: drizzle(client, { schema }), client };
  }
  return instance;
}

// Connects on first use, so importing this module (e.g. during `next build`) needs no database.
export const db: Database = new Proxy({} as Database, {
  get(_target, prop) {
    const real = connect().db;
    const value = Reflect.get(real, prop, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

const dialect = new PgDialect();

/**
 * A hot statement, built once with placeholders (sql.placeholder) and run as a prepared statement, which
 * postgres.js keeps per connection by its text (drizzle prepares only named queries): each call only fills
 * in its values, skipping both the query builder and PostgreSQL's parsing and planning.
 */
export function preparedStatement<T>(statement: SQL): (values: Record<string, unknown>) => Promise<T[]> {
  const { sql, params } = dialect.sqlToQuery(statement);
  return async (values) =>
    (await connect().client.unsafe(sql, fillPlaceholders(params, values) as never[], { prepare: true })) as unknown as T[];
}

export async function closeDb(): Promise<void> {
  if (instance) {
    await instance.client.end({ timeout: 5 });
    instance = undefined;
  }
}
