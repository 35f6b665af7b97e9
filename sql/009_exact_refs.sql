-- Refs and Idempotency-Keys compare exactly (issue 10). Under utf8mb4_unicode_ci `ABC` and `abc`,
-- `é` and `e`, and (PAD SPACE) `x` and `x ` were the same value, so distinct claims got false 409s.
-- utf8mb4_nopad_bin compares code points and keeps trailing spaces significant; the unique keys
-- over these columns (claims_ref, piles_ref, the idempotency primary key) follow the column.
-- Names, emails and other text keep the friendly case- and accent-insensitive collation.
ALTER TABLE claims
  MODIFY ref VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;

ALTER TABLE piles
  MODIFY ref VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;

ALTER TABLE idempotency_keys
  MODIFY idempotency_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;
