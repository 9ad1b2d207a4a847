-- Initial schema: documents and their versions, the bureau registry, commitments and their dated milestones
-- with an append-only status history, platform-neutral subscriptions, and the notifications table that is
-- both the delivery outbox and the exactly-once ledger.

CREATE TABLE bureaus (
  code        text PRIMARY KEY,
  name_zh     text NOT NULL,
  name_en     text NOT NULL,
  -- false for a name a document used that is not in the registry; kept as written so nothing is lost.
  registered  boolean NOT NULL DEFAULT true
);

CREATE TABLE documents (
  id            bigserial PRIMARY KEY,
  -- stable identity across versions: the seeds manifest id, or the file name without extension
  key           text NOT NULL UNIQUE,
  title         text NOT NULL,
  chapter       text,
  language      text NOT NULL CHECK (language IN ('zh-Hant', 'en')),
  published     date,
  source_url    text,
  sha256        text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  loaded_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE document_versions (
  id                bigserial PRIMARY KEY,
  document_id       bigint NOT NULL REFERENCES documents(id),
  sha256            text NOT NULL,
  commitment_count  integer NOT NULL,
  milestone_count   integer NOT NULL,
  loaded_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (document_id, sha256)
);

CREATE TABLE commitments (
  id                     bigserial PRIMARY KEY,
  document_id            bigint NOT NULL REFERENCES documents(id),
  ref                    text NOT NULL UNIQUE,
  position               integer NOT NULL,
  headings               text[] NOT NULL DEFAULT '{}',
  text                   text NOT NULL,
  -- bureau codes (or unregistered names) in the order the document gives them
  bureaus                text[] NOT NULL DEFAULT '{}',
  with_relevant_bureaux  boolean NOT NULL DEFAULT false,
  -- set when a later version of the document no longer contains this commitment; never deleted
  withdrawn_at           timestamptz,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX commitments_document_idx ON commitments (document_id, position);
CREATE INDEX commitments_bureaus_idx ON commitments USING gin (bureaus);

CREATE TABLE milestones (
  id                 bigserial PRIMARY KEY,
  commitment_id      bigint NOT NULL REFERENCES commitments(id),
  -- 1-based number within the commitment, the n in "ref/n"
  seq                integer NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('deadline', 'start')),
  phrase             text NOT NULL,
  subject            text,
  -- the date alerts are computed from; differs from extracted_due after a reschedule
  due                date NOT NULL,
  extracted_due      date NOT NULL,
  status             text NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'met', 'claimed', 'rescheduled', 'dropped')),
  evidence_url       text,
  -- when the status or due date last changed: the alert cycle restarts from here
  status_changed_at  timestamptz NOT NULL DEFAULT now(),
  withdrawn_at       timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (commitment_id, seq)
);
CREATE INDEX milestones_open_due_idx ON milestones (due) WHERE status IN ('pending', 'rescheduled') AND withdrawn_at IS NULL;

CREATE TABLE milestone_status_history (
  id               bigserial PRIMARY KEY,
  milestone_id     bigint NOT NULL REFERENCES milestones(id),
  status           text NOT NULL,
  due              date NOT NULL,
  previous_status  text,
  previous_due     date,
  -- who: a CLI user, an editor's platform id, or the loader
  actor            text NOT NULL,
  -- where: cli, seed, loader, override, telegram, discord
  source           text NOT NULL,
  note             text,
  evidence_url     text,
  changed_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX milestone_status_history_milestone_idx ON milestone_status_history (milestone_id, changed_at);
CREATE INDEX milestone_status_history_changed_idx ON milestone_status_history (changed_at);

CREATE TABLE subscriptions (
  id                 bigserial PRIMARY KEY,
  -- console | telegram:<chat>[:<thread>] | discord:<channel> | discord-webhook:<url>
  target             text NOT NULL UNIQUE,
  -- NULL means every bureau
  bureaus            text[],
  refs               text[],
  deadlines          boolean NOT NULL DEFAULT true,
  watchdog           boolean NOT NULL DEFAULT false,
  digest             boolean NOT NULL DEFAULT false,
  language           text NOT NULL DEFAULT 'zh-HK' CHECK (language IN ('zh-HK', 'en')),
  muted_until        timestamptz,
  digest_day         text,
  digest_time        text,
  timezone           text,
  -- alerts are only produced for slots after this instant (set on creation and on re-activation)
  active_since       timestamptz NOT NULL DEFAULT now(),
  -- set when the target is gone for good (blocked, kicked, unknown channel) or the user unsubscribed
  disabled_at        timestamptz,
  disabled_reason    text,
  -- a platform's "retry after": nothing goes to this target before it
  paused_until       timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX subscriptions_bureaus_idx ON subscriptions USING gin (bureaus);

CREATE TABLE notifications (
  id               bigserial PRIMARY KEY,
  -- (kind, milestone, due date, subscription, slot): a repeated or concurrent tick cannot insert twice
  dedupe_key       text NOT NULL UNIQUE,
  kind             text NOT NULL CHECK (kind IN ('approaching', 'due', 'missed', 'overdue', 'digest')),
  subscription_id  bigint NOT NULL REFERENCES subscriptions(id),
  milestone_id     bigint REFERENCES milestones(id),
  due              date,
  slot_at          timestamptz NOT NULL,
  target           text NOT NULL,
  payload          jsonb,
  state            text NOT NULL DEFAULT 'pending'
                   CHECK (state IN ('pending', 'sending', 'sent', 'superseded', 'dead')),
  attempts         integer NOT NULL DEFAULT 0,
  available_at     timestamptz NOT NULL DEFAULT now(),
  lease_owner      text,
  lease_until      timestamptz,
  last_error       text,
  sent_at          timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_pending_idx ON notifications (available_at) WHERE state = 'pending';
CREATE INDEX notifications_leased_idx ON notifications (lease_until) WHERE state = 'sending';
CREATE INDEX notifications_subscription_milestone_idx ON notifications (subscription_id, milestone_id, slot_at);

-- One row per recurring job: the instant its last completed pass covered, so a pass after downtime
-- catches up from there and a pass with the clock moved back covers nothing twice.
CREATE TABLE scheduler_state (
  name          text PRIMARY KEY,
  covered_until timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
