CREATE TABLE "model_leases" (
	"model_id" uuid NOT NULL,
	"slot" integer NOT NULL,
	"process" text NOT NULL,
	"token" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "model_leases_model_id_slot_pk" PRIMARY KEY("model_id","slot")
);
--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "failed_calls_before_success" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "first_success_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "model_leases" ADD CONSTRAINT "model_leases_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "model_leases_process_idx" ON "model_leases" USING btree ("process");