CREATE TABLE `alert_held_pushes` (
	`instance_id` text NOT NULL,
	`user_id` text NOT NULL,
	`notice_at` integer NOT NULL,
	`held_at` integer NOT NULL,
	`release_at` integer NOT NULL,
	`done_at` integer,
	`outcome` text,
	PRIMARY KEY(`instance_id`, `user_id`, `notice_at`),
	FOREIGN KEY (`instance_id`) REFERENCES `alert_instances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `alert_held_pushes_release_idx` ON `alert_held_pushes` (`done_at`,`release_at`);--> statement-breakpoint
CREATE TABLE `alert_pending` (
	`rule_id` text NOT NULL,
	`subject_key` text NOT NULL,
	`clinic_id` text,
	`since` integer NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`rule_id`, `subject_key`),
	FOREIGN KEY (`rule_id`) REFERENCES `alert_rules`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `annotations` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text,
	`day` text NOT NULL,
	`text` text NOT NULL,
	`author_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `annotations_clinic_day_idx` ON `annotations` (`clinic_id`,`day`);--> statement-breakpoint
CREATE TABLE `share_links` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`scope` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `share_links_token_hash_unique` ON `share_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `share_links_clinic_idx` ON `share_links` (`clinic_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `quiet_from` text;--> statement-breakpoint
ALTER TABLE `users` ADD `quiet_to` text;--> statement-breakpoint
ALTER TABLE `alert_rules` ADD `resolve_threshold` real;--> statement-breakpoint
ALTER TABLE `alert_rules` ADD `min_duration_minutes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `clinics` ADD `sms_budget_minor` integer;--> statement-breakpoint
ALTER TABLE `notification_preferences` ADD `digest` integer DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE `alert_rules` SET `resolve_threshold` = 25, `min_duration_minutes` = 5 WHERE `id` = 'default-queue-too-long';--> statement-breakpoint
UPDATE `alert_rules` SET `min_duration_minutes` = 5 WHERE `kind` = 'queue_too_long';
