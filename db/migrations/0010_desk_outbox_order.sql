DROP INDEX `messages_due`;--> statement-breakpoint
CREATE INDEX `messages_due_at` ON `messages` (`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `messages_due` ON `messages` (`status`,`due_at`,`id`);