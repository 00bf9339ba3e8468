CREATE TABLE `day_end_predictions` (
	`clinic_id` text NOT NULL,
	`day` text NOT NULL,
	`hour` integer NOT NULL,
	`made_at` integer NOT NULL,
	`expected` integer NOT NULL,
	`low` integer NOT NULL,
	`high` integer NOT NULL,
	`actual` integer,
	`abs_error_minutes` real,
	`inside` integer,
	`scored_at` integer,
	PRIMARY KEY(`clinic_id`, `day`, `hour`),
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `day_forecasts` (
	`clinic_id` text NOT NULL,
	`day` text NOT NULL,
	`method` text NOT NULL,
	`hours` text NOT NULL,
	`expected` real NOT NULL,
	`low` integer NOT NULL,
	`high` integer NOT NULL,
	`frozen_at` integer NOT NULL,
	`actual` integer,
	`actual_hours` text,
	`abs_error` real,
	`total_inside` integer,
	`hours_scored` integer,
	`hours_inside` integer,
	`hourly_abs_error_sum` real,
	`naive_abs_error` real,
	`naive_hourly_abs_error_sum` real,
	`scored_at` integer,
	PRIMARY KEY(`clinic_id`, `day`),
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `service_models` (
	`kind` text PRIMARY KEY NOT NULL,
	`model` text NOT NULL,
	`clinics` integer NOT NULL,
	`entries` integer NOT NULL,
	`fitted_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `queue_entries` ADD `walk_out_brier` real;--> statement-breakpoint
ALTER TABLE `queue_entries` ADD `walk_out_base_rate_brier` real;--> statement-breakpoint
ALTER TABLE `daily_rollups` ADD `walk_out_scored` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `daily_rollups` ADD `walk_out_brier_sum` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `daily_rollups` ADD `walk_out_base_rate_brier_sum` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `hourly_rollups` ADD `walk_out_scored` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `hourly_rollups` ADD `walk_out_brier_sum` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `hourly_rollups` ADD `walk_out_base_rate_brier_sum` real DEFAULT 0 NOT NULL;