ALTER TABLE `alert_instances` ADD `acknowledged_at` integer;--> statement-breakpoint
ALTER TABLE `alert_instances` ADD `acknowledged_by` text REFERENCES users(id);