CREATE TABLE `messaging_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`quiet_start_minute` integer DEFAULT 1260 NOT NULL,
	`quiet_end_minute` integer DEFAULT 480 NOT NULL,
	`reminder_schedule` text NOT NULL,
	`minimum_lead_minutes` integer DEFAULT 30 NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "messaging_settings_single_row" CHECK("messaging_settings"."id" = 1),
	CONSTRAINT "messaging_settings_quiet_minutes" CHECK("messaging_settings"."quiet_start_minute" between 0 and 1439 and "messaging_settings"."quiet_end_minute" between 0 and 1439)
);
--> statement-breakpoint
ALTER TABLE `customers` ADD `phone_invalid_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `dedupe_key` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `cancel_reason` text;--> statement-breakpoint
CREATE UNIQUE INDEX `messages_dedupe_key` ON `messages` (`dedupe_key`);