-- Piles (issue 6): a provider's claims sent as a batch, auto-vetted in the background by the
-- pile worker, audited at up to three levels by reviewers, and announced claim by claim
-- (`claim.pile_vetting_done`) once every claim has passed every level.

-- Lifecycle: open (takes claims) → vetting (submitted; the worker scores claims in id order) →
-- in_audit (every claim vetted; audits outstanding) → finishing (every claim passed every level;
-- the worker is writing the events) → vetting_done (the events were written, in one transaction
-- with this status). A pile without audit levels goes from vetting straight to finishing.
CREATE TABLE piles (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  org_id UUID NOT NULL,
  case_id UUID NOT NULL,
  environment ENUM('production','sandbox') NOT NULL,
  ref VARCHAR(100) NOT NULL,
  status ENUM('open','vetting','in_audit','finishing','vetting_done') NOT NULL DEFAULT 'open',
  -- The case's audit_levels setting when the pile was submitted: a later settings change does
  -- not move the goal posts of a pile already under way.
  audit_levels TINYINT NOT NULL DEFAULT 0,
  api_key_id BIGINT NULL,
  -- Counters kept in the same transaction as the change they count, so status reads and the
  -- piles list cost one row each whatever the pile's size.
  -- received = not yet vetted + awaiting_audit + approved + rejected + pending.
  claims_received INT NOT NULL DEFAULT 0,
  claims_vetted INT NOT NULL DEFAULT 0,
  claims_awaiting_audit INT NOT NULL DEFAULT 0,
  -- Claims past every level, by their final approval_status (pending = null: a `review` or
  -- `insufficient` claim of a pile without audits).
  claims_approved INT NOT NULL DEFAULT 0,
  claims_rejected INT NOT NULL DEFAULT 0,
  claims_pending INT NOT NULL DEFAULT 0,
  created_at DATETIME(6) NOT NULL,
  submitted_at DATETIME(6) NULL,
  -- When the last claim was auto-vetted.
  vetted_at DATETIME(6) NULL,
  done_at DATETIME(6) NULL,
  UNIQUE KEY piles_ref (case_id, environment, ref),
  KEY piles_list (case_id, environment, id),
  KEY piles_work (status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- audit_stage: the audit level (1..3) a vetted pile claim waits for; NULL when it waits for none
-- (not vetted yet, or past every level, or not in a pile).
ALTER TABLE claims
  ADD COLUMN audit_stage TINYINT NULL AFTER vetted_at,
  -- The worker's next batch: a pile's unvetted claims in id order, without rescanning vetted ones.
  ADD KEY claims_pile_vetting (pile_id, scored_at, id),
  -- A reviewer's queue: the case's claims waiting at one level, oldest first.
  ADD KEY claims_review (case_id, environment, audit_stage, id);

-- One row per level a claim passed: who signed it off and how. A reviewer signs a claim off at
-- one level only (the unique key), so two levels always mean two people.
CREATE TABLE claim_audits (
  claim_id BIGINT NOT NULL,
  level TINYINT NOT NULL,
  reviewer_id BIGINT NOT NULL,
  -- 1 approved, 0 rejected.
  decision TINYINT NOT NULL,
  decided_at DATETIME(6) NOT NULL,
  PRIMARY KEY (claim_id, level),
  UNIQUE KEY claim_audits_reviewer (claim_id, reviewer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change a reviewer makes to a claim or an item, with who, when, before and after.
CREATE TABLE claim_history (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  claim_id BIGINT NOT NULL,
  -- The audit level the change was made at.
  level TINYINT NULL,
  user_id BIGINT NULL,
  user_email VARCHAR(254) NOT NULL,
  -- e.g. claim.approved, claim.rejected, claim.comment, item.approved, item.rejected,
  -- item.qty_approved, item.unit_price_approved, item.comment
  action VARCHAR(40) NOT NULL,
  -- 0-based item position when the change is to an item.
  item_position SMALLINT NULL,
  before_value VARCHAR(1000) NULL,
  after_value VARCHAR(1000) NULL,
  created_at DATETIME(6) NOT NULL,
  KEY claim_history_claim (claim_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The audit level (1..3) a member reviews at; NULL for members who do not review.
ALTER TABLE memberships ADD COLUMN review_level TINYINT NULL AFTER role;
