-- Delivery that survives faults.
-- lease_token: a fresh value per claim. An outcome is written only by the owner of the claim that is
-- still current, so a worker whose lease ran out and was taken over cannot record over the newer claim.
ALTER TABLE notifications ADD COLUMN lease_token uuid;

-- Why a target is paused (missing permissions, a platform's retry-after): shown to operators; the
-- subscription stays enabled and resumes on its own at paused_until.
ALTER TABLE subscriptions ADD COLUMN paused_reason text;

-- One send budget per bot token, shared by every process: the instant the next send may start (a
-- generic cell rate: each send moves it on by 1/rate), on the database's own clock.
CREATE TABLE rate_budgets (
  key      text PRIMARY KEY,
  next_at  timestamptz NOT NULL
);

-- Claiming whole targets looks up every pending row of a target.
CREATE INDEX notifications_pending_target_idx ON notifications (target) WHERE state = 'pending';

-- The heartbeat renews one claim's rows by token.
CREATE INDEX notifications_lease_token_idx ON notifications (lease_token) WHERE state = 'sending';
