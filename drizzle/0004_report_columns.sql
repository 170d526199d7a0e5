CREATE TABLE "task_outcomes" (
	"version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"model_id" uuid NOT NULL,
	"evaluated" integer DEFAULT 0 NOT NULL,
	"correct" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "task_outcomes_version_id_position_model_id_pk" PRIMARY KEY("version_id","position","model_id")
);
--> statement-breakpoint
ALTER TABLE "run_results" ADD COLUMN "passed" boolean;--> statement-breakpoint
ALTER TABLE "run_results" ADD COLUMN "score" double precision;--> statement-breakpoint
ALTER TABLE "task_outcomes" ADD CONSTRAINT "task_outcomes_version_id_benchmark_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."benchmark_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_outcomes" ADD CONSTRAINT "task_outcomes_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE cascade ON UPDATE no action;