CREATE TABLE "benchmark_tasks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"task_key" text NOT NULL,
	"type" text NOT NULL,
	"input" jsonb NOT NULL,
	"system_prompt" text,
	"truth" jsonb,
	"choices" jsonb,
	"examples" jsonb,
	"json_schema" jsonb,
	"json_schema_ref" text,
	"paraphrases" jsonb,
	"answer_paraphrases" jsonb,
	"subset" text,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"redacted" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benchmark_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"benchmark_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"content_hash" text NOT NULL,
	"task_count" integer NOT NULL,
	"format" text NOT NULL,
	"source" text,
	"mapping" jsonb,
	"changes" text NOT NULL,
	"runnable" boolean DEFAULT true NOT NULL,
	"stats" jsonb NOT NULL,
	"parent_version_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benchmarks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"categories" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"visibility" "model_visibility" NOT NULL,
	"owner_project_id" uuid,
	"defaults" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_benchmarks" (
	"project_id" uuid NOT NULL,
	"benchmark_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_benchmarks_project_id_benchmark_id_pk" PRIMARY KEY("project_id","benchmark_id")
);
--> statement-breakpoint
ALTER TABLE "benchmark_tasks" ADD CONSTRAINT "benchmark_tasks_version_id_benchmark_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."benchmark_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_versions" ADD CONSTRAINT "benchmark_versions_benchmark_id_benchmarks_id_fk" FOREIGN KEY ("benchmark_id") REFERENCES "public"."benchmarks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_versions" ADD CONSTRAINT "benchmark_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmarks" ADD CONSTRAINT "benchmarks_owner_project_id_projects_id_fk" FOREIGN KEY ("owner_project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmarks" ADD CONSTRAINT "benchmarks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_benchmarks" ADD CONSTRAINT "project_benchmarks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_benchmarks" ADD CONSTRAINT "project_benchmarks_benchmark_id_benchmarks_id_fk" FOREIGN KEY ("benchmark_id") REFERENCES "public"."benchmarks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "benchmark_tasks_position_key" ON "benchmark_tasks" USING btree ("version_id","position");--> statement-breakpoint
CREATE INDEX "benchmark_tasks_version_subset_idx" ON "benchmark_tasks" USING btree ("version_id","subset");--> statement-breakpoint
CREATE INDEX "benchmark_tasks_version_key_idx" ON "benchmark_tasks" USING btree ("version_id","task_key");--> statement-breakpoint
CREATE UNIQUE INDEX "benchmark_versions_number_key" ON "benchmark_versions" USING btree ("benchmark_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "benchmark_versions_hash_key" ON "benchmark_versions" USING btree ("benchmark_id","content_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "benchmarks_key_key" ON "benchmarks" USING btree ("key");--> statement-breakpoint
CREATE INDEX "benchmarks_owner_project_idx" ON "benchmarks" USING btree ("owner_project_id");--> statement-breakpoint
CREATE INDEX "project_benchmarks_benchmark_idx" ON "project_benchmarks" USING btree ("benchmark_id");