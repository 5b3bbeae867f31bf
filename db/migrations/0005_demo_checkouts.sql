CREATE TABLE `demo_checkouts` (
	`id` text PRIMARY KEY NOT NULL,
	`idempotency_key` text NOT NULL,
	`state` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`description` text NOT NULL,
	`success_url` text NOT NULL,
	`cancel_url` text NOT NULL,
	`save_card` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`payment_intent_id` text,
	`customer_id` text,
	`payment_method_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `demo_checkouts_idempotency_key` ON `demo_checkouts` (`idempotency_key`);--> statement-breakpoint
CREATE TABLE `demo_refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`idempotency_key` text NOT NULL,
	`amount` integer NOT NULL,
	`payment_intent_id` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `demo_refunds_idempotency_key` ON `demo_refunds` (`idempotency_key`);