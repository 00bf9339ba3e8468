ALTER TABLE `clinics` ADD `service_target_minutes` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `queue_entries` ADD `unfinished_at` integer;--> statement-breakpoint
ALTER TABLE `queue_entries` ADD `quote_wait_minutes` integer;--> statement-breakpoint
ALTER TABLE `queue_entries` ADD `quote_low_minutes` integer;--> statement-breakpoint
ALTER TABLE `queue_entries` ADD `quote_high_minutes` integer;--> statement-breakpoint
ALTER TABLE `queue_entries` ADD `quoted_at` integer;--> statement-breakpoint
ALTER TABLE `daily_rollups` ADD `unfinished` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `daily_rollups` ADD `called_within_target` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `daily_rollups` ADD `quoted` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `daily_rollups` ADD `quote_abs_error_sum` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `daily_rollups` ADD `quote_within_range` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `daily_rollups` ADD `quote_under_quoted` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `daily_rollups` ADD `quote_abs_errors` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `hourly_rollups` ADD `unfinished` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `hourly_rollups` ADD `called_within_target` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `hourly_rollups` ADD `quoted` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `hourly_rollups` ADD `quote_abs_error_sum` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `hourly_rollups` ADD `quote_within_range` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `hourly_rollups` ADD `quote_under_quoted` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `hourly_rollups` ADD `quote_abs_errors` text DEFAULT '{}' NOT NULL;