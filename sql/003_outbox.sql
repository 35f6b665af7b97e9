-- The webhook outbox: one row per event, written in the same transaction as the change it reports.
-- The delivery thread fans each event out to the enabled webhooks of its case and environment.
CREATE TABLE webhook_events (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  -- Standard Webhooks `webhook-id`: stable across retries so receivers can drop duplicates.
  message_id VARCHAR(40) NOT NULL,
  org_id UUID NOT NULL,
  case_id UUID NOT NULL,
  environment ENUM('production','sandbox') NOT NULL,
  type VARCHAR(40) NOT NULL,
  claim_id BIGINT NULL,
  pile_id BIGINT NULL,
  -- Only this webhook (test events, resends); NULL means every enabled webhook of the case.
  target_webhook_id UUID NULL,
  -- The event's `data` object as JSON; the envelope is built at send time.
  payload LONGTEXT NOT NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  -- NULL until the delivery thread has created this event's delivery rows.
  fanned_out_at DATETIME(6) NULL,
  UNIQUE KEY webhook_events_message (message_id),
  KEY webhook_events_pending (fanned_out_at, id),
  KEY webhook_events_case (case_id, environment, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
