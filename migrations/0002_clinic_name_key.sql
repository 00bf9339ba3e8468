ALTER TABLE `clinics` ADD `name_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Clinics written before this column: lower case now (ASCII); the app folds accents on every write.
UPDATE `clinics` SET `name_key` = lower(`name`);
