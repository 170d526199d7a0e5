CREATE TABLE "rate_windows" (
	"model_id" uuid NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"tokens" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_windows_model_id_window_start_pk" PRIMARY KEY("model_id","window_start")
);
--> statement-breakpoint
ALTER TABLE "rate_windows" ADD CONSTRAINT "rate_windows_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE cascade ON UPDATE no action;