-- Weekly digest: a subscription may choose to skip a week with nothing to report. NULL follows the
-- configuration (digest.skipEmpty).
ALTER TABLE subscriptions ADD COLUMN digest_skip_empty boolean;
