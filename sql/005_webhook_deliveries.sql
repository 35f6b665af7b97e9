-- Webhook delivery (issue 5): one row per (event, webhook) and one per attempt.
-- Every process's delivery thread works from these rows, so nothing that decides what is sent
-- lives only in one process's memory: a lease (leased_until, leased_by, lease_token) taken with a
-- conditional UPDATE makes exactly one process own an attempt, and an expired lease (the process
-- died) is taken over by the next one, with the same webhook-id.
CREATE TABLE webhook_deliveries (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_id BIGINT NOT NULL,
  webhook_id UUID NOT NULL,
  -- Set only for claim.pile_vetting_done: the deliveries of one pile to one webhook go one at a
  -- time in claim-id order, the next only once the previous is delivered or given up.
  pile_id BIGINT NULL,
  claim_id BIGINT NULL,
  -- 'event' when the fan-out made it; 'resend' when an admin asked for the event again.
  origin ENUM('event','resend') NOT NULL DEFAULT 'event',
  -- pending: will be (re)tried; delivered: a 2xx came back; failed: the schedule gave up;
  -- cancelled: the webhook was disabled by delivery (410, five days of failures).
  state ENUM('pending','delivered','failed','cancelled') NOT NULL DEFAULT 'pending',
  attempts INT NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(6) NOT NULL,
  first_attempt_at DATETIME(6) NULL,
  last_attempt_at DATETIME(6) NULL,
  last_status_code SMALLINT NULL,
  last_error VARCHAR(500) NULL,
  leased_until DATETIME(6) NULL,
  leased_by VARCHAR(100) NULL,
  lease_token CHAR(32) NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  completed_at DATETIME(6) NULL,
  KEY webhook_deliveries_due (state, next_attempt_at),
  KEY webhook_deliveries_pile (webhook_id, pile_id, state, claim_id),
  KEY webhook_deliveries_webhook (webhook_id, id),
  KEY webhook_deliveries_event (event_id),
  KEY webhook_deliveries_lease (lease_token),
  CONSTRAINT webhook_deliveries_event_fk FOREIGN KEY (event_id) REFERENCES webhook_events (id) ON DELETE CASCADE,
  CONSTRAINT webhook_deliveries_webhook_fk FOREIGN KEY (webhook_id) REFERENCES webhooks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The delivery log the portal shows: every attempt, including refused and interrupted ones.
CREATE TABLE webhook_delivery_attempts (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  delivery_id BIGINT NOT NULL,
  webhook_id UUID NOT NULL,
  -- 1 for the first attempt of the delivery; unique with delivery_id, so the database itself
  -- refuses a second record of the same attempt.
  attempt INT NOT NULL,
  started_at DATETIME(6) NOT NULL,
  duration_ms INT NOT NULL,
  -- NULL when no answer came (timeout, connection refused, address refused by the SSRF guard).
  status_code SMALLINT NULL,
  -- The first 2 KB of the answer's body, as received.
  response_excerpt VARBINARY(2048) NOT NULL DEFAULT '',
  -- Why the attempt failed without an answer, or why it was refused.
  error VARCHAR(500) NULL,
  -- When the next attempt is due; NULL when delivered or given up.
  next_attempt_at DATETIME(6) NULL,
  -- Which process sent it (host:pid).
  sent_by VARCHAR(100) NOT NULL,
  UNIQUE KEY webhook_delivery_attempts_once (delivery_id, attempt),
  KEY webhook_delivery_attempts_webhook (webhook_id, id),
  CONSTRAINT webhook_delivery_attempts_delivery_fk FOREIGN KEY (delivery_id)
    REFERENCES webhook_deliveries (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The pile-order check asks "is an earlier event of this pile not fanned out yet?".
ALTER TABLE webhook_events ADD KEY webhook_events_pile (pile_id, fanned_out_at, claim_id);
