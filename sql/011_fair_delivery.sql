-- Fair webhook delivery (issue 10, item 6).
--
-- Circuit breaker per webhook: every failed attempt adds one to consecutive_failures and every
-- success sets it back to 0. From the threshold on (5) the webhook is paused until paused_until,
-- which grows with each further failure; when it passes, one probe delivery is leased (the lease
-- moves paused_until on by the lease time, so only one process probes), and its outcome closes the
-- breaker or pauses it again for longer. Nothing about the deliveries themselves changes.
ALTER TABLE webhooks
  ADD COLUMN consecutive_failures INT NOT NULL DEFAULT 0,
  ADD COLUMN paused_until DATETIME(6) NULL;

-- Leasing goes round-robin over webhooks with due work instead of oldest-first over everything.
-- "When is this webhook's first pending delivery due?" is one entry of this index, and "the
-- oldest due deliveries of this webhook" a short range read on it, so a webhook's 50,000-row
-- backlog costs either question no more than one entry. Added in place: InnoDB builds a secondary
-- index without blocking writes.
ALTER TABLE webhook_deliveries
  ADD KEY webhook_deliveries_webhook_due (state, webhook_id, next_attempt_at);
