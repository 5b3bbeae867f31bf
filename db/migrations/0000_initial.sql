CREATE TABLE `appointment_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`appointment_id` text NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`actor` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`from_start_at` integer,
	`to_start_at` integer,
	`from_staff_id` text,
	`to_staff_id` text,
	`reason` text,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointment_events_appointment` ON `appointment_events` (`appointment_id`,`id`);--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`service_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`buffer_before_minutes` integer DEFAULT 0 NOT NULL,
	`buffer_after_minutes` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`hold_expires_at` integer,
	`price_amount` integer NOT NULL,
	`currency` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`cancel_reason` text,
	`customer_confirmed_at` integer,
	`manage_token_hash` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "appointments_order" CHECK("appointments"."start_at" < "appointments"."end_at")
);
--> statement-breakpoint
CREATE INDEX `appointments_staff_start` ON `appointments` (`staff_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_start` ON `appointments` (`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_customer` ON `appointments` (`customer_id`,`start_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_manage_token` ON `appointments` (`manage_token_hash`);--> statement-breakpoint
CREATE TABLE `business_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`time_zone` text NOT NULL,
	`currency` text NOT NULL,
	`country` text NOT NULL,
	`slot_step_minutes` integer DEFAULT 15 NOT NULL,
	`minimum_notice_minutes` integer DEFAULT 60 NOT NULL,
	`horizon_days` integer DEFAULT 60 NOT NULL,
	`cancellation_cutoff_minutes` integer DEFAULT 1440 NOT NULL,
	`hold_minutes` integer DEFAULT 15 NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "business_settings_single_row" CHECK("business_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`email` text,
	`notes` text DEFAULT '' NOT NULL,
	`sms_consent` integer DEFAULT false NOT NULL,
	`email_consent` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_phone` ON `customers` (`phone`);--> statement-breakpoint
CREATE UNIQUE INDEX `customers_email` ON `customers` (`email`);--> statement-breakpoint
CREATE INDEX `customers_name` ON `customers` (`name`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`response` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`appointment_id` text,
	`customer_id` text,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`due_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_attempt_at` integer,
	`sent_at` integer,
	`provider_id` text,
	`error` text,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_due` ON `messages` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `messages_appointment` ON `messages` (`appointment_id`);--> statement-breakpoint
CREATE INDEX `messages_customer` ON `messages` (`customer_id`);--> statement-breakpoint
CREATE TABLE `service_staff` (
	`service_id` text NOT NULL,
	`staff_id` text NOT NULL,
	PRIMARY KEY(`service_id`, `staff_id`),
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `service_staff_staff` ON `service_staff` (`staff_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`duration_minutes` integer NOT NULL,
	`price_amount` integer NOT NULL,
	`currency` text NOT NULL,
	`buffer_before_minutes` integer DEFAULT 0 NOT NULL,
	`buffer_after_minutes` integer DEFAULT 0 NOT NULL,
	`deposit_kind` text DEFAULT 'none' NOT NULL,
	`deposit_value` integer DEFAULT 0 NOT NULL,
	`rebooking_interval_days` integer,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`color` text DEFAULT '#4c6ef5' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `time_off` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "time_off_order" CHECK("time_off"."start_at" < "time_off"."end_at")
);
--> statement-breakpoint
CREATE INDEX `time_off_staff_start` ON `time_off` (`staff_id`,`start_at`);--> statement-breakpoint
CREATE TABLE `working_hours` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` text NOT NULL,
	`weekday` integer NOT NULL,
	`start_minute` integer NOT NULL,
	`end_minute` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "working_hours_weekday" CHECK("working_hours"."weekday" between 1 and 7),
	CONSTRAINT "working_hours_minutes" CHECK("working_hours"."start_minute" >= 0 and "working_hours"."end_minute" <= 1440 and "working_hours"."start_minute" < "working_hours"."end_minute")
);
--> statement-breakpoint
CREATE INDEX `working_hours_staff` ON `working_hours` (`staff_id`,`weekday`);