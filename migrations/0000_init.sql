CREATE TABLE `login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key_hash` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_key_at_idx` ON `login_failures` (`key_hash`,`at`);--> statement-breakpoint
CREATE INDEX `login_failures_at_idx` ON `login_failures` (`at`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`user_id` text NOT NULL,
	`clinic_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `clinic_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `memberships_clinic_idx` ON `memberships` (`clinic_id`,`role`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`ip_hash` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `setup_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `setup_tokens_user_idx` ON `setup_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`locale` text DEFAULT 'fr' NOT NULL,
	`password_algorithm` text,
	`password_iterations` integer,
	`password_salt` text,
	`password_hash` text,
	`password_changed_at` integer,
	`created_at` integer NOT NULL,
	`disabled_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `clinic_activity` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`clinic_id` text NOT NULL,
	`kind` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`user_id` text,
	`detail` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `clinic_activity_clinic_kind_idx` ON `clinic_activity` (`clinic_id`,`kind`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `clinic_activity_kind_occurred_idx` ON `clinic_activity` (`kind`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `alert_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instance_id` text NOT NULL,
	`user_id` text NOT NULL,
	`channel` text NOT NULL,
	`sent_at` integer NOT NULL,
	`ok` integer NOT NULL,
	`error` text,
	FOREIGN KEY (`instance_id`) REFERENCES `alert_instances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `alert_deliveries_instance_idx` ON `alert_deliveries` (`instance_id`);--> statement-breakpoint
CREATE TABLE `alert_instances` (
	`id` text PRIMARY KEY NOT NULL,
	`rule_id` text NOT NULL,
	`subject_key` text NOT NULL,
	`clinic_id` text,
	`value` real NOT NULL,
	`fired_at` integer NOT NULL,
	`last_notified_at` integer,
	`resolved_at` integer,
	FOREIGN KEY (`rule_id`) REFERENCES `alert_rules`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_instances_open_unique` ON `alert_instances` (`rule_id`,`subject_key`) WHERE "alert_instances"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX `alert_instances_resolved_fired_idx` ON `alert_instances` (`resolved_at`,`fired_at`);--> statement-breakpoint
CREATE INDEX `alert_instances_clinic_fired_idx` ON `alert_instances` (`clinic_id`,`fired_at`);--> statement-breakpoint
CREATE TABLE `alert_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`scope` text NOT NULL,
	`clinic_id` text,
	`threshold` real NOT NULL,
	`channels` text NOT NULL,
	`priority` text NOT NULL,
	`cooldown_minutes` integer NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `alert_rules_enabled_kind_idx` ON `alert_rules` (`enabled`,`kind`);--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_prefix_unique` ON `api_keys` (`prefix`);--> statement-breakpoint
CREATE INDEX `api_keys_clinic_idx` ON `api_keys` (`clinic_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` text,
	`actor_role` text,
	`action` text NOT NULL,
	`clinic_id` text,
	`target_type` text,
	`target_id` text,
	`success` integer NOT NULL,
	`error_code` text,
	`ip_hash` text,
	`user_agent` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_clinic_at_idx` ON `audit_log` (`clinic_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_at_idx` ON `audit_log` (`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_at_idx` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_target_at_idx` ON `audit_log` (`target_type`,`at`);--> statement-breakpoint
CREATE TABLE `clinics` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`timezone` text NOT NULL,
	`plan_price_minor` integer NOT NULL,
	`currency` text DEFAULT 'TND' NOT NULL,
	`sms_unit_cost_minor` integer NOT NULL,
	`created_at` integer NOT NULL,
	`archived_at` integer,
	CONSTRAINT "clinics_plan_price_non_negative" CHECK("clinics"."plan_price_minor" >= 0),
	CONSTRAINT "clinics_sms_cost_non_negative" CHECK("clinics"."sms_unit_cost_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `clinics_archived_name_idx` ON `clinics` (`archived_at`,`name`);--> statement-breakpoint
CREATE TABLE `digest_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`scope_key` text NOT NULL,
	`period_start` text NOT NULL,
	`claimed_at` integer NOT NULL,
	`sent_at` integer,
	`error` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `digest_runs_once_idx` ON `digest_runs` (`user_id`,`kind`,`scope_key`,`period_start`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` text NOT NULL,
	`topic` text NOT NULL,
	`push` integer NOT NULL,
	`email` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `topic`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `push_subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`endpoint` text NOT NULL,
	`p256dh` text NOT NULL,
	`auth` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_success_at` integer,
	`failure_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `push_subscriptions_endpoint_unique` ON `push_subscriptions` (`endpoint`);--> statement-breakpoint
CREATE INDEX `push_subscriptions_user_idx` ON `push_subscriptions` (`user_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`clinic_id` text NOT NULL,
	`id` text NOT NULL,
	`type` text NOT NULL,
	`entry_id` text,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`payload` text NOT NULL,
	PRIMARY KEY(`clinic_id`, `id`),
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_clinic_occurred_idx` ON `events` (`clinic_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `events_occurred_idx` ON `events` (`occurred_at`);--> statement-breakpoint
CREATE TABLE `queue_entries` (
	`clinic_id` text NOT NULL,
	`id` text NOT NULL,
	`clinic_day` text NOT NULL,
	`ticket_number` integer NOT NULL,
	`method` text NOT NULL,
	`state` text NOT NULL,
	`appointment_at` integer,
	`checked_in_at` integer NOT NULL,
	`called_at` integer,
	`consultation_started_at` integer,
	`completed_at` integer,
	`no_show_at` integer,
	`cancelled_at` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`clinic_id`, `id`),
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `queue_entries_clinic_day_idx` ON `queue_entries` (`clinic_id`,`clinic_day`);--> statement-breakpoint
CREATE INDEX `queue_entries_checked_in_idx` ON `queue_entries` (`checked_in_at`);--> statement-breakpoint
CREATE TABLE `sms_messages` (
	`clinic_id` text NOT NULL,
	`id` text NOT NULL,
	`entry_id` text,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`cost_minor` integer NOT NULL,
	`sent_at` integer NOT NULL,
	`status_at` integer,
	PRIMARY KEY(`clinic_id`, `id`),
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sms_messages_sent_idx` ON `sms_messages` (`sent_at`,`status`);--> statement-breakpoint
CREATE INDEX `sms_messages_clinic_sent_idx` ON `sms_messages` (`clinic_id`,`sent_at`);--> statement-breakpoint
CREATE TABLE `daily_rollups` (
	`clinic_id` text NOT NULL,
	`day` text NOT NULL,
	`checkins_qr` integer DEFAULT 0 NOT NULL,
	`checkins_manual` integer DEFAULT 0 NOT NULL,
	`seen` integer DEFAULT 0 NOT NULL,
	`no_shows` integer DEFAULT 0 NOT NULL,
	`cancelled` integer DEFAULT 0 NOT NULL,
	`wait_sum_ms` integer DEFAULT 0 NOT NULL,
	`wait_count` integer DEFAULT 0 NOT NULL,
	`wait_max_ms` integer DEFAULT 0 NOT NULL,
	`consult_sum_ms` integer DEFAULT 0 NOT NULL,
	`consult_count` integer DEFAULT 0 NOT NULL,
	`sms_sent` integer DEFAULT 0 NOT NULL,
	`sms_failed` integer DEFAULT 0 NOT NULL,
	`sms_cost_minor` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	`finalized_at` integer,
	PRIMARY KEY(`clinic_id`, `day`),
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `daily_rollups_day_idx` ON `daily_rollups` (`day`);--> statement-breakpoint
CREATE TABLE `hourly_rollups` (
	`clinic_id` text NOT NULL,
	`hour_start` integer NOT NULL,
	`day` text NOT NULL,
	`hour` integer NOT NULL,
	`checkins_qr` integer DEFAULT 0 NOT NULL,
	`checkins_manual` integer DEFAULT 0 NOT NULL,
	`seen` integer DEFAULT 0 NOT NULL,
	`no_shows` integer DEFAULT 0 NOT NULL,
	`cancelled` integer DEFAULT 0 NOT NULL,
	`wait_sum_ms` integer DEFAULT 0 NOT NULL,
	`wait_count` integer DEFAULT 0 NOT NULL,
	`wait_max_ms` integer DEFAULT 0 NOT NULL,
	`consult_sum_ms` integer DEFAULT 0 NOT NULL,
	`consult_count` integer DEFAULT 0 NOT NULL,
	`sms_sent` integer DEFAULT 0 NOT NULL,
	`sms_failed` integer DEFAULT 0 NOT NULL,
	`sms_cost_minor` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`clinic_id`, `hour_start`),
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hourly_rollups_clinic_day_idx` ON `hourly_rollups` (`clinic_id`,`day`);