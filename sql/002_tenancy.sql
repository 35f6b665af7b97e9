-- Tenancy, people, credentials and webhooks (portal issue), shared by the API and the delivery thread.

CREATE TABLE organizations (
  id UUID NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cases (
  id UUID NOT NULL PRIMARY KEY,
  org_id UUID NOT NULL,
  name VARCHAR(200) NOT NULL,
  claim_type ENUM('settlement','health') NOT NULL,
  -- Scoring.CaseSettings as JSON (thresholds, checks, blocklists, tariff, audit levels).
  settings LONGTEXT NOT NULL DEFAULT '{}',
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY cases_org (org_id, name),
  CONSTRAINT cases_org_fk FOREIGN KEY (org_id) REFERENCES organizations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE users (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(254) NOT NULL,
  name VARCHAR(200) NOT NULL,
  -- scrypt, self-describing: scrypt$N$r$p$salt_b64$hash_b64
  password_hash VARCHAR(255) NOT NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  UNIQUE KEY users_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE memberships (
  user_id BIGINT NOT NULL,
  org_id UUID NOT NULL,
  role ENUM('owner','admin','reviewer','viewer','developer') NOT NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (user_id, org_id),
  KEY memberships_org (org_id),
  CONSTRAINT memberships_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT memberships_org_fk FOREIGN KEY (org_id) REFERENCES organizations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sessions (
  -- SHA-256 of the cookie token; the token itself is never stored.
  token_hash BINARY(32) NOT NULL PRIMARY KEY,
  user_id BIGINT NOT NULL,
  csrf_secret BINARY(32) NOT NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  expires_at DATETIME(6) NOT NULL,
  KEY sessions_user (user_id),
  KEY sessions_expiry (expires_at),
  CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE login_attempts (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(254) NOT NULL,
  ip VARCHAR(45) NOT NULL,
  succeeded TINYINT(1) NOT NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY login_attempts_email (email, created_at),
  KEY login_attempts_ip (ip, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE api_keys (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  org_id UUID NOT NULL,
  environment ENUM('production','sandbox') NOT NULL,
  name VARCHAR(100) NOT NULL,
  description VARCHAR(500) NOT NULL DEFAULT '',
  -- SHA-256 of the whole key; only this and the display prefix are stored.
  key_hash BINARY(32) NOT NULL,
  display_prefix VARCHAR(20) NOT NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  created_by BIGINT NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  last_used_at DATETIME(6) NULL,
  UNIQUE KEY api_keys_hash (key_hash),
  KEY api_keys_org (org_id, created_at),
  CONSTRAINT api_keys_org_fk FOREIGN KEY (org_id) REFERENCES organizations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE webhooks (
  id UUID NOT NULL PRIMARY KEY,
  org_id UUID NOT NULL,
  case_id UUID NOT NULL,
  environment ENUM('production','sandbox') NOT NULL,
  name VARCHAR(100) NOT NULL,
  description VARCHAR(500) NOT NULL DEFAULT '',
  url VARCHAR(2000) NOT NULL,
  -- whsec_ token sealed with AES-GCM under the server's secret_key.
  secret_sealed VARBINARY(255) NOT NULL,
  secret_hint VARCHAR(12) NOT NULL,
  enabled TINYINT(1) NOT NULL DEFAULT 1,
  -- Why delivery disabled it (410, five days of failures); NULL when an admin did or nobody did.
  disabled_reason VARCHAR(255) NULL,
  failing_since DATETIME(6) NULL,
  created_by BIGINT NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY webhooks_case (case_id, environment, enabled),
  KEY webhooks_org (org_id, created_at),
  CONSTRAINT webhooks_org_fk FOREIGN KEY (org_id) REFERENCES organizations (id),
  CONSTRAINT webhooks_case_fk FOREIGN KEY (case_id) REFERENCES cases (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_log (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  org_id UUID NOT NULL,
  actor_user_id BIGINT NULL,
  actor_email VARCHAR(254) NOT NULL,
  action VARCHAR(64) NOT NULL,
  target_type VARCHAR(32) NOT NULL,
  target_id VARCHAR(64) NOT NULL,
  detail VARCHAR(1000) NOT NULL DEFAULT '',
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY audit_log_org (org_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
