CREATE TABLE `access_links` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`kind` text NOT NULL,
	`token_hash` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`merchant_id` text,
	`station_id` text,
	`hub_id` text,
	`user_id` text,
	`created_by` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`revoked_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "access_links_role_membership" CHECK(("access_links"."role" = 'MERCHANT') = ("access_links"."merchant_id" is not null)
        and ("access_links"."role" = 'STATION_OPERATOR') = ("access_links"."station_id" is not null)
        and ("access_links"."role" = 'HUB_OPERATOR') = ("access_links"."hub_id" is not null)),
	CONSTRAINT "access_links_reset_user" CHECK("access_links"."kind" = 'INVITE' or "access_links"."user_id" is not null),
	CONSTRAINT "access_links_email_lower" CHECK("access_links"."email" = lower("access_links"."email")),
	CONSTRAINT "access_links_once" CHECK(not ("access_links"."used_at" is not null and "access_links"."revoked_at" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `access_links_token_hash_unique` ON `access_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `access_links_alliance` ON `access_links` (`alliance_id`,`kind`);--> statement-breakpoint
ALTER TABLE `users` ADD `active` integer DEFAULT true NOT NULL;