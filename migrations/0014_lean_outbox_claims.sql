-- Claims and outcomes touch fewer index entries, and each statement of a claim reads only its own rows.
--
-- The lease-token index is dropped: every claim wrote an entry in it for each row, and the outcome writes,
-- which name their rows by id, were planned on it instead of the primary key (reading the whole claim for
-- each batch of outcomes). The heartbeat renews a claim's rows by id as well.
DROP INDEX notifications_lease_token_idx;

-- The leased index holds the same rows as before (only a claimed row has a lease) but no longer matches a
-- `state = 'sending'` clause: the planner, whose statistics rarely see rows in flight, took it for the outcome
-- writes as well, and read every leased row for each batch. The expiry scan still uses it.
DROP INDEX notifications_leased_idx;
CREATE INDEX notifications_leased_idx ON notifications (lease_until) WHERE lease_until IS NOT NULL;

-- The claim takes its candidates in (available_at, id) order; with id in the index that order is read
-- from it directly instead of sorting every pending row on each claim.
DROP INDEX notifications_pending_idx;
CREATE INDEX notifications_pending_idx ON notifications (available_at, id) WHERE state = 'pending';

-- Without statistics on the channel part of a target the planner guesses it matches few rows, so it read
-- and sorted every pending row for the first candidates; with them it reads the index in order and stops.
CREATE STATISTICS notifications_channel_stats ON (split_part(target, ':', 1)) FROM notifications;
ANALYZE notifications;
