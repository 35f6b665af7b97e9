-- Sign-in counters that are reserved before the password is checked (issue 10, item 7).
--
-- Counting failures after the fact let 30 concurrent guesses for one account all pass the check
-- "fewer than 5 failures so far" and reach scrypt (8 did). A sign-in now first reserves a slot
-- with one conditional UPDATE on its counter row; InnoDB's row lock serialises the reservations,
-- so at most `limit` attempts per window get past it however many arrive at once. A reservation
-- counts as a failure until the password is checked; a success gives it back.
--
-- scope: what is counted, binary (exact) text:
--   account:<normalised email>  untrusted attempts at one account: 5 per 15 minutes, then refused
--   device:<nonce>              attempts from a browser holding a valid device cookie for the account
--   ip:<address>                failed attempts from one client address: after 20 per 15 minutes each
--                               further attempt waits (2 s, doubling, at most 60 s); never a lock-out
-- attempts:          reservations in the current window
-- window_started_at: when the window began; an expired window restarts at the next reservation
-- next_at:           (ip) the earliest moment the next attempt may start
CREATE TABLE sign_in_counters (
  scope VARBINARY(300) NOT NULL PRIMARY KEY,
  attempts INT NOT NULL,
  window_started_at DATETIME(6) NOT NULL,
  next_at DATETIME(6) NOT NULL,
  KEY sign_in_counters_window (window_started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- login_attempts now holds one row per password check (the audit trail of checks actually made);
-- whether the attempt came from a browser with a valid device cookie is kept with it.
ALTER TABLE login_attempts ADD COLUMN trusted_device TINYINT(1) NOT NULL DEFAULT 0;
