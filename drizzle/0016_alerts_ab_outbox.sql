CREATE TYPE "public"."alert_trigger_kind" AS ENUM('run', 'ab_test_completed', 'ab_test_srm');--> statement-breakpoint
CREATE TABLE "alert_ab_evaluations" (
	"test_id" uuid NOT NULL,
	"trigger_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_ab_evaluations_test_id_trigger_id_pk" PRIMARY KEY("test_id","trigger_id")
);
--> statement-breakpoint
ALTER TABLE "alert_events" ALTER COLUMN "run_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_triggers" ALTER COLUMN "metric" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_triggers" ALTER COLUMN "condition" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_events" ADD COLUMN "ab_test_id" uuid;--> statement-breakpoint
ALTER TABLE "alert_triggers" ADD COLUMN "kind" "alert_trigger_kind" DEFAULT 'run' NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_triggers" ADD COLUMN "use_case_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "queued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alert_ab_evaluations" ADD CONSTRAINT "alert_ab_evaluations_test_id_ab_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."ab_tests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_ab_evaluations" ADD CONSTRAINT "alert_ab_evaluations_trigger_id_alert_triggers_id_fk" FOREIGN KEY ("trigger_id") REFERENCES "public"."alert_triggers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_ab_test_id_ab_tests_id_fk" FOREIGN KEY ("ab_test_id") REFERENCES "public"."ab_tests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_unqueued_idx" ON "deliveries" USING btree ("created_at") WHERE "deliveries"."queued_at" is null and "deliveries"."status" = 'pending';