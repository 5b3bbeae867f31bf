CREATE TABLE `connection_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`public_base_url` text,
	`twilio_account_sid` text,
	`twilio_auth_token` text,
	`twilio_from_number` text,
	`smtp_host` text,
	`smtp_port` integer,
	`smtp_secure` integer DEFAULT false NOT NULL,
	`smtp_user` text,
	`smtp_password` text,
	`email_from` text,
	`stripe_secret_key` text,
	`stripe_webhook_secret` text,
	`updated_at` integer NOT NULL,
	CONSTRAINT "connection_settings_single_row" CHECK("connection_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `message_templates` (
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`subject` text,
	`body` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `channel`)
);
--> statement-breakpoint
CREATE TABLE `payment_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`appointment_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`provider` text NOT NULL,
	`checkout_session_id` text,
	`payment_intent_id` text,
	`refund_id` text,
	`provider_customer_id` text,
	`payment_method_id` text,
	`idempotency_key` text NOT NULL,
	`reason` text,
	`failure_message` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_amount_positive" CHECK("payments"."amount" > 0)
);
--> statement-breakpoint
CREATE INDEX `payments_appointment` ON `payments` (`appointment_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `payments_status` ON `payments` (`status`,`kind`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_idempotency_key` ON `payments` (`idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_checkout_session` ON `payments` (`checkout_session_id`);--> statement-breakpoint
CREATE INDEX `payments_payment_intent` ON `payments` (`payment_intent_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_refund` ON `payments` (`refund_id`);--> statement-breakpoint
CREATE TABLE `sms_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`provider_id` text NOT NULL,
	`from_phone` text NOT NULL,
	`body` text NOT NULL,
	`customer_id` text,
	`appointment_id` text,
	`outcome` text NOT NULL,
	`received_at` integer NOT NULL,
	`handled_at` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sms_replies_provider_id` ON `sms_replies` (`provider_id`);--> statement-breakpoint
CREATE INDEX `sms_replies_received` ON `sms_replies` (`received_at`);--> statement-breakpoint
CREATE INDEX `sms_replies_customer` ON `sms_replies` (`customer_id`);--> statement-breakpoint
ALTER TABLE `appointments` ADD `deposit_amount` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `appointments` ADD `payment_policy` text;--> statement-breakpoint
ALTER TABLE `appointments` ADD `calendar_sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `no_show_fee_kind` text DEFAULT 'keep_deposit' NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `no_show_fee_amount` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `refund_window_minutes` integer DEFAULT 1440 NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `late_cancel_refund_percent` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `reminder_schedule` text;