ALTER TABLE "runs" ADD COLUMN "failed_calls_before_success" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "first_success_at" timestamp with time zone;