CREATE TABLE `dead_letters` (
	`message_id` text PRIMARY KEY NOT NULL,
	`queue` text NOT NULL,
	`job_type` text NOT NULL,
	`body` text NOT NULL,
	`attempts` integer NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `dead_letters_received_idx` ON `dead_letters` (`received_at`);--> statement-breakpoint
ALTER TABLE `alert_deliveries` ADD `notice_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `alert_deliveries_once_idx` ON `alert_deliveries` (`instance_id`,`user_id`,`channel`,`notice_at`) WHERE "alert_deliveries"."ok" = 1;