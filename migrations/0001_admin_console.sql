CREATE TABLE `business_days` (
	`day` text PRIMARY KEY NOT NULL,
	`total_clinics` integer NOT NULL,
	`active_clinics` integer NOT NULL,
	`at_risk` integer NOT NULL,
	`churned` integer NOT NULL,
	`mrr` text NOT NULL,
	`dau` integer NOT NULL,
	`wau` integer NOT NULL,
	`mau` integer NOT NULL,
	`taken_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `clinic_activity_clinic_occurred_idx` ON `clinic_activity` (`clinic_id`,`occurred_at`);