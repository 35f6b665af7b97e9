-- Pile delivery without scanning (claim.pile_vetting_done): a pile of up to 200,000 claims writes
-- one event per claim, and each webhook must get them strictly in claim-id order, the next only
-- after the previous was delivered or given up. Instead of asking "is an earlier one still
-- pending?" for every candidate on every lease (a scan of the whole pile), a pile's deliveries are
-- created 'waiting' and exactly one per (webhook, pile) is 'pending' at a time: the one with the
-- smallest claim id (then id). Whoever moves it out of 'pending' promotes the next in the same
-- transaction, using webhook_deliveries_pile (webhook_id, pile_id, state, claim_id) from 005.
--
-- waiting: a pile delivery queued behind an earlier one of the same pile and webhook; never
-- leased, never attempted; it becomes 'pending' when its predecessor is delivered or given up,
-- and 'cancelled' when delivery disables the webhook.
-- Appended at the end of the list so the change is instant on a large table (inserting a value in
-- the middle renumbers the enum and rebuilds it); nothing sorts by state.
ALTER TABLE webhook_deliveries
  MODIFY state ENUM('pending','delivered','failed','cancelled','waiting') NOT NULL DEFAULT 'pending';

-- Which pile an event must be ordered within, or NULL for an event fanned out on its own: the
-- regular fan-out takes the NULL ones, the pile fan-out one pile at a time. Virtual, so adding it
-- rewrites nothing; the index below makes both fan-outs read only their own events, so 200,000
-- pile events awaiting fan-out never sit in the regular fan-out's way (nor get locked by it).
ALTER TABLE webhook_events
  ADD COLUMN ordered_pile_id BIGINT
    AS (IF(type = 'claim.pile_vetting_done' AND claim_id IS NOT NULL, pile_id, NULL)) VIRTUAL,
  ADD KEY webhook_events_unfanned (fanned_out_at, ordered_pile_id, id);

-- Both replaced: the unfanned index above serves "what awaits fan-out", and the pile index served
-- only the lease's "earlier event of this pile not fanned out" check, which is gone.
ALTER TABLE webhook_events DROP KEY webhook_events_pending, DROP KEY webhook_events_pile;
