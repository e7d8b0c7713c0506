CREATE TABLE `alliance_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`version` integer NOT NULL,
	`effective_from` text NOT NULL,
	`max_share_of_hub_day_bp` integer NOT NULL,
	`premium_rate_bp` integer NOT NULL,
	`claim_cap_fen` integer NOT NULL,
	`benchmark_k` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "alliance_settings_share" CHECK("alliance_settings"."max_share_of_hub_day_bp" between 1 and 10000),
	CONSTRAINT "alliance_settings_premium" CHECK("alliance_settings"."premium_rate_bp" between 0 and 10000),
	CONSTRAINT "alliance_settings_claim_cap" CHECK("alliance_settings"."claim_cap_fen" >= 0),
	CONSTRAINT "alliance_settings_k" CHECK("alliance_settings"."benchmark_k" >= 2)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alliance_settings_version` ON `alliance_settings` (`alliance_id`,`version`);--> statement-breakpoint
CREATE TABLE `alliances` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_zh` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `login_failures` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start_ms` integer NOT NULL,
	`failures` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`display_name` text NOT NULL,
	`locale` text DEFAULT 'zh-CN' NOT NULL,
	`merchant_id` text,
	`station_id` text,
	`hub_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_membership" CHECK(("users"."role" = 'MERCHANT') = ("users"."merchant_id" is not null)
        and ("users"."role" = 'STATION_OPERATOR') = ("users"."station_id" is not null)
        and ("users"."role" = 'HUB_OPERATOR') = ("users"."hub_id" is not null)),
	CONSTRAINT "users_email_lower" CHECK("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `hubs` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`name` text NOT NULL,
	`name_zh` text NOT NULL,
	`city` text NOT NULL,
	`city_zh` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`daily_capacity_units` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "hubs_capacity" CHECK("hubs"."daily_capacity_units" >= 0)
);
--> statement-breakpoint
CREATE INDEX `hubs_alliance` ON `hubs` (`alliance_id`);--> statement-breakpoint
CREATE TABLE `merchants` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`category` text NOT NULL,
	`joined_on` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "merchants_category" CHECK("merchants"."category" in ('FOOD','SUPPLIES','CLOTHING','TOYS'))
);
--> statement-breakpoint
CREATE INDEX `merchants_alliance` ON `merchants` (`alliance_id`);--> statement-breakpoint
CREATE TABLE `stations` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`name` text NOT NULL,
	`store_name` text NOT NULL,
	`address` text NOT NULL,
	`city` text NOT NULL,
	`province` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`opening_hours` text NOT NULL,
	`services` text NOT NULL,
	`commission_fen` integer NOT NULL,
	`large_item_commission_fen` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stations_commission" CHECK("stations"."commission_fen" >= 0),
	CONSTRAINT "stations_large_commission" CHECK("stations"."large_item_commission_fen" >= 0),
	CONSTRAINT "stations_lat" CHECK("stations"."lat" between -90 and 90),
	CONSTRAINT "stations_lng" CHECK("stations"."lng" between -180 and 180)
);
--> statement-breakpoint
CREATE INDEX `stations_alliance` ON `stations` (`alliance_id`);