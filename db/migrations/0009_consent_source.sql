ALTER TABLE `customers` ADD `sms_consent_source` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `sms_consent_at` integer;--> statement-breakpoint
ALTER TABLE `customers` ADD `email_consent_source` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `email_consent_at` integer;