CREATE TYPE "public"."interaction_source" AS ENUM('gateway', 'ingested');--> statement-breakpoint
CREATE TYPE "public"."interaction_status" AS ENUM('ok', 'error');--> statement-breakpoint
CREATE TYPE "public"."feedback_kind" AS ENUM('bool', 'scalar');--> statement-breakpoint
CREATE TYPE "public"."scoring_type" AS ENUM('higher_is_better', 'lower_is_better');--> statement-breakpoint
CREATE TABLE "use_case_models" (
	"use_case_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"online" boolean DEFAULT true NOT NULL,
	"fallback_order" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "use_case_models_use_case_id_model_id_pk" PRIMARY KEY("use_case_id","model_id")
);
--> statement-breakpoint
CREATE TABLE "use_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"use_case_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	"source" "interaction_source" NOT NULL,
	"messages" jsonb NOT NULL,
	"completion" text,
	"completions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tokens_in" integer DEFAULT 0 NOT NULL,
	"tokens_out" integer DEFAULT 0 NOT NULL,
	"latency_ms" integer,
	"ttft_ms" integer,
	"cost" double precision DEFAULT 0 NOT NULL,
	"status" "interaction_status" DEFAULT 'ok' NOT NULL,
	"error_status" integer,
	"error" text,
	"attempts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"end_user" text,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ab_test_id" uuid,
	"ab_arm" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"key" text NOT NULL,
	"kind" "feedback_kind" NOT NULL,
	"scoring_type" "scoring_type" DEFAULT 'higher_is_better' NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_feedback" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"interaction_id" uuid NOT NULL,
	"feedback_key_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"end_user" text,
	"details" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "preference_feedback" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"feedback_key_id" uuid NOT NULL,
	"preferred_id" uuid NOT NULL,
	"other_id" uuid NOT NULL,
	"tied" boolean DEFAULT false NOT NULL,
	"end_user" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "use_case_feedback_keys" (
	"use_case_id" uuid NOT NULL,
	"feedback_key_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "use_case_feedback_keys_use_case_id_feedback_key_id_pk" PRIMARY KEY("use_case_id","feedback_key_id")
);
--> statement-breakpoint
ALTER TABLE "use_case_models" ADD CONSTRAINT "use_case_models_use_case_id_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_models" ADD CONSTRAINT "use_case_models_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_cases" ADD CONSTRAINT "use_cases_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_use_case_id_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_keys" ADD CONSTRAINT "feedback_keys_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_feedback" ADD CONSTRAINT "metric_feedback_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_feedback" ADD CONSTRAINT "metric_feedback_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_feedback" ADD CONSTRAINT "metric_feedback_feedback_key_id_feedback_keys_id_fk" FOREIGN KEY ("feedback_key_id") REFERENCES "public"."feedback_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preference_feedback" ADD CONSTRAINT "preference_feedback_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preference_feedback" ADD CONSTRAINT "preference_feedback_feedback_key_id_feedback_keys_id_fk" FOREIGN KEY ("feedback_key_id") REFERENCES "public"."feedback_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preference_feedback" ADD CONSTRAINT "preference_feedback_preferred_id_interactions_id_fk" FOREIGN KEY ("preferred_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preference_feedback" ADD CONSTRAINT "preference_feedback_other_id_interactions_id_fk" FOREIGN KEY ("other_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_feedback_keys" ADD CONSTRAINT "use_case_feedback_keys_use_case_id_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_feedback_keys" ADD CONSTRAINT "use_case_feedback_keys_feedback_key_id_feedback_keys_id_fk" FOREIGN KEY ("feedback_key_id") REFERENCES "public"."feedback_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "use_case_models_one_default" ON "use_case_models" USING btree ("use_case_id") WHERE "use_case_models"."is_default";--> statement-breakpoint
CREATE INDEX "use_case_models_model_idx" ON "use_case_models" USING btree ("model_id");--> statement-breakpoint
CREATE UNIQUE INDEX "use_cases_project_key" ON "use_cases" USING btree ("project_id","key");--> statement-breakpoint
CREATE INDEX "interactions_use_case_created_idx" ON "interactions" USING btree ("use_case_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "interactions_project_created_idx" ON "interactions" USING btree ("project_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "interactions_use_case_model_created_idx" ON "interactions" USING btree ("use_case_id","model_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "interactions_use_case_user_idx" ON "interactions" USING btree ("use_case_id","end_user");--> statement-breakpoint
CREATE INDEX "interactions_labels_idx" ON "interactions" USING gin ("labels");--> statement-breakpoint
CREATE INDEX "interactions_ab_test_idx" ON "interactions" USING btree ("ab_test_id","ab_arm") WHERE "interactions"."ab_test_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_keys_project_key" ON "feedback_keys" USING btree ("project_id","key");--> statement-breakpoint
CREATE INDEX "metric_feedback_interaction_idx" ON "metric_feedback" USING btree ("interaction_id","feedback_key_id");--> statement-breakpoint
CREATE INDEX "metric_feedback_key_created_idx" ON "metric_feedback" USING btree ("feedback_key_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "metric_feedback_project_created_idx" ON "metric_feedback" USING btree ("project_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "preference_feedback_key_created_idx" ON "preference_feedback" USING btree ("feedback_key_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "preference_feedback_project_created_idx" ON "preference_feedback" USING btree ("project_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "preference_feedback_preferred_idx" ON "preference_feedback" USING btree ("preferred_id");--> statement-breakpoint
CREATE INDEX "preference_feedback_other_idx" ON "preference_feedback" USING btree ("other_id");--> statement-breakpoint
CREATE INDEX "use_case_feedback_keys_key_idx" ON "use_case_feedback_keys" USING btree ("feedback_key_id");