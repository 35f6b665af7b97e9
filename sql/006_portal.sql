-- Portal: one-time messages tied to a session (the new API key's dialog, "Key deleted." notices).
-- The payload is sealed with the server's secret_key and the row is deleted on first display, so a
-- new key never sits in a URL, a cookie or a readable column, and it is gone once shown.
CREATE TABLE portal_flash (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  session_hash BINARY(32) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  payload VARBINARY(2048) NOT NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  expires_at DATETIME(6) NOT NULL,
  KEY portal_flash_session (session_hash, id),
  KEY portal_flash_expiry (expires_at),
  CONSTRAINT portal_flash_session_fk FOREIGN KEY (session_hash) REFERENCES sessions (token_hash) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
