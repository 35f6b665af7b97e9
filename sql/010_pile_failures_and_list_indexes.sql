-- Issue 10: a bad pile fails alone, and every claim list filter is served by an index.

-- A claim the pile worker could not vet (its batch failed, and so did the claim on its own) keeps
-- the reason here; it counts as vetted and failed, and its pile goes on without it. NULL otherwise.
ALTER TABLE claims ADD COLUMN vetting_error VARCHAR(500) NULL AFTER audit_stage;

-- Lists are ordered by (received_at, id): newest first for a case, oldest first for a pile (within
-- a pile received_at never decreases with id, so that is claim-id order). With the time filters
-- (`since`, `until`) as a range on the same key, every filter combination is one index range read
-- in order, however far the window is from the newest claim: (case, environment[, determination])
-- then the time range; `ref` is the unique key. The id-ordered list keys they replace could not
-- serve a time range without walking every newer claim (3.7 s for `until` on 1,000,000 claims).
ALTER TABLE claims
  ADD KEY claims_received (case_id, environment, received_at, id),
  ADD KEY claims_received_determination (case_id, environment, determination, received_at, id),
  ADD KEY claims_pile_received (pile_id, received_at, id),
  ADD KEY claims_pile_determination (pile_id, determination, received_at, id),
  DROP KEY claims_list,
  DROP KEY claims_determination;

-- failed: the pile worker gave up after `attempts` tries in a row failed for a reason not tied to
-- one claim (the reason is in `failure`); a `pile.failed` event was written with the status.
-- Appended at the end so the change is instant.
ALTER TABLE piles
  MODIFY status ENUM('open','vetting','in_audit','finishing','vetting_done','failed') NOT NULL DEFAULT 'open',
  -- Claims that could not be vetted (claims.vetting_error); included in claims_vetted.
  ADD COLUMN claims_failed INT NOT NULL DEFAULT 0 AFTER claims_pending,
  -- Failed tries in a row (reset by a turn that succeeds), and when the worker may take the pile
  -- next: after a failure, the back-off; after a turn that worked, the turn's time, so an
  -- organization's piles take turns least recently worked first.
  ADD COLUMN attempts SMALLINT NOT NULL DEFAULT 0,
  ADD COLUMN next_attempt_at DATETIME(6) NULL,
  -- Why the last try failed (kept when the pile is parked as failed).
  ADD COLUMN failure VARCHAR(500) NULL,
  ADD COLUMN failed_at DATETIME(6) NULL,
  -- The worker's queue, only for piles it has work on (vetting, finishing): the organization
  -- and when the pile is due. Virtual, so no writer has to keep them; the index holds only what
  -- the worker reads: the next organization with a due pile after the last one served
  -- (round-robin), then that organization's due piles in turn. A pile backing off is not due.
  ADD COLUMN work_org UUID AS (IF(status IN ('vetting', 'finishing'), org_id, NULL)) VIRTUAL,
  ADD COLUMN work_due DATETIME(6)
    AS (IF(status IN ('vetting', 'finishing'), COALESCE(next_attempt_at, submitted_at, created_at), NULL)) VIRTUAL,
  ADD KEY piles_turn (work_org, work_due, id),
  DROP KEY piles_work;
