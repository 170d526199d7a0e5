-- task_outcomes is new in this release and holds only derived tallies: empty it rather than guess projects.
DELETE FROM "task_outcomes";--> statement-breakpoint
ALTER TABLE "task_outcomes" ADD COLUMN "project_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "task_outcomes" DROP CONSTRAINT "task_outcomes_version_id_position_model_id_pk";--> statement-breakpoint
ALTER TABLE "task_outcomes" ADD CONSTRAINT "task_outcomes_project_id_version_id_position_model_id_pk" PRIMARY KEY("project_id","version_id","position","model_id");--> statement-breakpoint
ALTER TABLE "task_outcomes" ADD CONSTRAINT "task_outcomes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
