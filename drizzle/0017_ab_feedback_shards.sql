CREATE TABLE "ab_test_arm_shards" (
	"test_id" uuid NOT NULL,
	"arm" smallint NOT NULL,
	"shard" smallint NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"sum" double precision DEFAULT 0 NOT NULL,
	"sum_sq" double precision DEFAULT 0 NOT NULL,
	"clusters" integer DEFAULT 0 NOT NULL,
	"cluster_sum_sq" double precision DEFAULT 0 NOT NULL,
	"cluster_cross" double precision DEFAULT 0 NOT NULL,
	"cluster_size_sq" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "ab_test_arm_shards_test_id_arm_shard_pk" PRIMARY KEY("test_id","arm","shard")
);
--> statement-breakpoint
ALTER TABLE "ab_test_buckets" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ab_test_buckets" DROP CONSTRAINT "ab_test_buckets_test_id_arm_start_pk";--> statement-breakpoint
ALTER TABLE "ab_test_buckets" ADD CONSTRAINT "ab_test_buckets_test_id_arm_start_shard_pk" PRIMARY KEY("test_id","arm","start","shard");--> statement-breakpoint
ALTER TABLE "ab_test_arm_shards" ADD CONSTRAINT "ab_test_arm_shards_test_id_ab_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."ab_tests"("id") ON DELETE cascade ON UPDATE no action;