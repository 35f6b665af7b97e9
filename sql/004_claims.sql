-- Claims, their items, their history signals and idempotency records (claim API issue).

CREATE TABLE claims (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  org_id UUID NOT NULL,
  case_id UUID NOT NULL,
  environment ENUM('production','sandbox') NOT NULL,
  pile_id BIGINT NULL,
  ref VARCHAR(100) NOT NULL,
  -- SHA-256 of the canonical request (payout account already keyed-hashed): same ref + other content = 409.
  content_hash BINARY(32) NOT NULL,
  api_key_id BIGINT NULL,
  received_at DATETIME(6) NOT NULL,
  scored_at DATETIME(6) NULL,
  score SMALLINT NULL,
  determination ENUM('pass','review','fail','insufficient') NULL,
  approved_amount DECIMAL(16,2) NULL,
  approval_status TINYINT NULL,
  vetted_at DATETIME(6) NULL,
  -- The request as received (payout account masked), and the engine's result (deductions, vetted items).
  request_json LONGTEXT NOT NULL,
  result_json LONGTEXT NULL,
  UNIQUE KEY claims_ref (case_id, environment, ref),
  KEY claims_list (case_id, environment, id),
  KEY claims_determination (case_id, environment, determination, id),
  KEY claims_pile (pile_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE claim_items (
  claim_id BIGINT NOT NULL,
  position SMALLINT NOT NULL,
  ref VARCHAR(100) NULL,
  description VARCHAR(500) NULL,
  code VARCHAR(50) NULL,
  unit_price_billed BIGINT NOT NULL,
  unit_price_approved BIGINT NOT NULL,
  qty_billed INT NOT NULL,
  qty_approved INT NOT NULL,
  approval_status TINYINT NULL,
  comments TEXT NOT NULL,
  PRIMARY KEY (claim_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per history signal of a claim. key_hash = first 16 bytes of
-- SHA-256(case_id | environment | kind | normalised value): sandbox and production never meet.
-- The key orders a signal's rows by time, so windowed checks (IP velocity) read only their window.
CREATE TABLE claim_signals (
  key_hash BINARY(16) NOT NULL,
  claim_id BIGINT NOT NULL,
  claimant_hash BINARY(16) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  PRIMARY KEY (key_hash, created_at, claim_id)
) ENGINE=InnoDB DEFAULT CHARSET=binary;

CREATE TABLE idempotency_keys (
  api_key_id BIGINT NOT NULL,
  idempotency_key VARCHAR(255) NOT NULL,
  request_hash BINARY(32) NOT NULL,
  status SMALLINT NOT NULL,
  response LONGTEXT NOT NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (api_key_id, idempotency_key),
  KEY idempotency_keys_age (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
