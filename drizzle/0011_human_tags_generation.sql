CREATE TYPE "public"."tagged_type" AS ENUM('model', 'benchmark', 'run', 'schedule');--> statement-breakpoint
CREATE TYPE "public"."generation_status" AS ENUM('queued', 'running', 'completed', 'failed', 'imported');--> statement-breakpoint
ALTER TYPE "public"."endpoint_type" ADD VALUE 'human';--> statement-breakpoint
CREATE TABLE "resource_tags" (
	"project_id" uuid NOT NULL,
	"resource_type" "tagged_type" NOT NULL,
	"resource_id" uuid NOT NULL,
	"tag" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_tags_project_id_resource_type_resource_id_tag_pk" PRIMARY KEY("project_id","resource_type","resource_id","tag")
);
--> statement-breakpoint
CREATE TABLE "benchmark_generations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	"document_name" text NOT NULL,
	"document_text" text NOT NULL,
	"spec" jsonb NOT NULL,
	"status" "generation_status" DEFAULT 'queued' NOT NULL,
	"done_steps" integer DEFAULT 0 NOT NULL,
	"total_steps" integer DEFAULT 0 NOT NULL,
	"tasks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rejected" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"benchmark_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resource_tags" ADD CONSTRAINT "resource_tags_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_generations" ADD CONSTRAINT "benchmark_generations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_generations" ADD CONSTRAINT "benchmark_generations_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_generations" ADD CONSTRAINT "benchmark_generations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_tags_tag_idx" ON "resource_tags" USING btree ("project_id","resource_type","tag");--> statement-breakpoint
CREATE INDEX "benchmark_generations_project_idx" ON "benchmark_generations" USING btree ("project_id","created_at" DESC NULLS LAST);