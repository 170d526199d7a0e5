CREATE TYPE "public"."ab_feedback_type" AS ENUM('metric', 'preference');--> statement-breakpoint
CREATE TYPE "public"."ab_outcome" AS ENUM('winner', 'no_significant_difference');--> statement-breakpoint
CREATE TYPE "public"."ab_test_status" AS ENUM('running', 'completed', 'cancelled');--> statement-breakpoint
CREATE TABLE "ab_test_arms" (
	"test_id" uuid NOT NULL,
	"arm" smallint NOT NULL,
	"model_id" uuid NOT NULL,
	"assigned" integer DEFAULT 0 NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"sum" double precision DEFAULT 0 NOT NULL,
	"sum_sq" double precision DEFAULT 0 NOT NULL,
	"clusters" integer DEFAULT 0 NOT NULL,
	"cluster_sum_sq" double precision DEFAULT 0 NOT NULL,
	"cluster_cross" double precision DEFAULT 0 NOT NULL,
	"cluster_size_sq" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "ab_test_arms_test_id_arm_pk" PRIMARY KEY("test_id","arm")
);
--> statement-breakpoint
CREATE TABLE "ab_test_buckets" (
	"test_id" uuid NOT NULL,
	"arm" smallint NOT NULL,
	"start" timestamp with time zone NOT NULL,
	"assigned" integer DEFAULT 0 NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"sum" double precision DEFAULT 0 NOT NULL,
	"sum_sq" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "ab_test_buckets_test_id_arm_start_pk" PRIMARY KEY("test_id","arm","start")
);
--> statement-breakpoint
CREATE TABLE "ab_test_pairs" (
	"test_id" uuid NOT NULL,
	"arm_a" smallint NOT NULL,
	"arm_b" smallint NOT NULL,
	"wins_a" integer DEFAULT 0 NOT NULL,
	"wins_b" integer DEFAULT 0 NOT NULL,
	"ties" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ab_test_pairs_test_id_arm_a_arm_b_pk" PRIMARY KEY("test_id","arm_a","arm_b")
);
--> statement-breakpoint
CREATE TABLE "ab_test_preferences" (
	"test_id" uuid NOT NULL,
	"a_id" uuid NOT NULL,
	"b_id" uuid NOT NULL,
	"end_user" text NOT NULL,
	"outcome" text NOT NULL,
	CONSTRAINT "ab_test_preferences_test_id_a_id_b_id_end_user_pk" PRIMARY KEY("test_id","a_id","b_id","end_user")
);
--> statement-breakpoint
CREATE TABLE "ab_test_users" (
	"test_id" uuid NOT NULL,
	"arm" smallint NOT NULL,
	"end_user" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"sum" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "ab_test_users_test_id_arm_end_user_pk" PRIMARY KEY("test_id","arm","end_user")
);
--> statement-breakpoint
CREATE TABLE "ab_test_values" (
	"test_id" uuid NOT NULL,
	"interaction_id" uuid NOT NULL,
	"end_user" text NOT NULL,
	"arm" smallint NOT NULL,
	"value" double precision NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	CONSTRAINT "ab_test_values_test_id_interaction_id_end_user_pk" PRIMARY KEY("test_id","interaction_id","end_user")
);
--> statement-breakpoint
CREATE TABLE "ab_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"use_case_id" uuid NOT NULL,
	"key" text NOT NULL,
	"feedback_key_id" uuid NOT NULL,
	"feedback_type" "ab_feedback_type" NOT NULL,
	"traffic_split" double precision NOT NULL,
	"auto_deploy" boolean DEFAULT false NOT NULL,
	"min_samples_per_arm" integer DEFAULT 100 NOT NULL,
	"max_samples_per_arm" integer,
	"ends_at" timestamp with time zone,
	"status" "ab_test_status" DEFAULT 'running' NOT NULL,
	"outcome" "ab_outcome",
	"winner_arm" smallint,
	"note" text,
	"deployed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ab_test_arms" ADD CONSTRAINT "ab_test_arms_test_id_ab_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."ab_tests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ab_test_arms" ADD CONSTRAINT "ab_test_arms_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ab_test_buckets" ADD CONSTRAINT "ab_test_buckets_test_id_ab_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."ab_tests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ab_test_pairs" ADD CONSTRAINT "ab_test_pairs_test_id_ab_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."ab_tests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ab_test_preferences" ADD CONSTRAINT "ab_test_preferences_test_id_ab_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."ab_tests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ab_test_users" ADD CONSTRAINT "ab_test_users_test_id_ab_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."ab_tests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ab_test_values" ADD CONSTRAINT "ab_test_values_test_id_ab_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."ab_tests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ab_test_values" ADD CONSTRAINT "ab_test_values_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ab_tests" ADD CONSTRAINT "ab_tests_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ab_tests" ADD CONSTRAINT "ab_tests_use_case_id_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ab_tests" ADD CONSTRAINT "ab_tests_feedback_key_id_feedback_keys_id_fk" FOREIGN KEY ("feedback_key_id") REFERENCES "public"."feedback_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ab_tests" ADD CONSTRAINT "ab_tests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ab_tests_project_key" ON "ab_tests" USING btree ("project_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "ab_tests_one_running" ON "ab_tests" USING btree ("use_case_id") WHERE "ab_tests"."status" = 'running';--> statement-breakpoint
CREATE INDEX "ab_tests_project_created_idx" ON "ab_tests" USING btree ("project_id","created_at" DESC NULLS LAST);