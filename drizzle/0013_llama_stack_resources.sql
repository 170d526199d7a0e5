CREATE TYPE "public"."llama_stack_kind" AS ENUM('dataset', 'benchmark');--> statement-breakpoint
CREATE TABLE "llama_stack_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" "llama_stack_kind" NOT NULL,
	"identifier" text NOT NULL,
	"benchmark_id" uuid NOT NULL,
	"purpose" text,
	"dataset_id" text,
	"scoring_functions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_uri" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "llama_stack_resources" ADD CONSTRAINT "llama_stack_resources_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "llama_stack_resources" ADD CONSTRAINT "llama_stack_resources_benchmark_id_benchmarks_id_fk" FOREIGN KEY ("benchmark_id") REFERENCES "public"."benchmarks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "llama_stack_resources_identifier_key" ON "llama_stack_resources" USING btree ("project_id","kind","identifier");--> statement-breakpoint
CREATE INDEX "llama_stack_resources_benchmark_idx" ON "llama_stack_resources" USING btree ("benchmark_id");