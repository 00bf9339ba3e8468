CREATE TABLE `clinic_prices` (
	`clinic_id` text NOT NULL,
	`effective_at` integer NOT NULL,
	`price_minor` integer NOT NULL,
	`changed_by` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`clinic_id`, `effective_at`),
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "clinic_prices_price_non_negative" CHECK("clinic_prices"."price_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE `job_failures` (
	`message_id` text PRIMARY KEY NOT NULL,
	`job_type` text NOT NULL,
	`attempts` integer NOT NULL,
	`error` text NOT NULL,
	`first_failed_at` integer NOT NULL,
	`last_failed_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `error` text;--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `first_failed_at` integer;--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `last_failed_at` integer;--> statement-breakpoint
-- Every existing clinic has had its current price since it was created: the best history there is.
INSERT INTO `clinic_prices` (`clinic_id`, `effective_at`, `price_minor`, `changed_by`, `created_at`) SELECT `id`, `created_at`, `plan_price_minor`, NULL, `created_at` FROM `clinics`;