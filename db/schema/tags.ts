import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { projects } from "./projects";

export const taggedType = pgEnum("tagged_type", ["model", "benchmark", "run", "schedule"]);

/**
 * Free-form, project-scoped labels: the same public model can carry different tags in two projects.
 * No foreign key to the resource (it is one of several tables); rows of a deleted run go with it by cleanup.
 */
export const resourceTags = pgTable(
  "resource_tags",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    resourceType: taggedType("resource_type").notNull(),
    resourceId: uuid("resource_id").notNull(),
    tag: text("tag").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.resourceType, t.resourceId, t.tag] }),
    index("resource_tags_tag_idx").on(t.projectId, t.resourceType, t.tag),
  ],
);
