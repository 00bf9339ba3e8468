CREATE TABLE `session_sockets` (
	`token_hash` text NOT NULL,
	`clinic_id` text NOT NULL,
	`opened_at` integer NOT NULL,
	PRIMARY KEY(`token_hash`, `clinic_id`),
	FOREIGN KEY (`token_hash`) REFERENCES `sessions`(`token_hash`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
