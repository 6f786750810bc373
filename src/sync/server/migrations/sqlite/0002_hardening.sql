-- Hardening (issue 13). Append-only: never edit this file once released.
--
-- User names are unique regardless of case. `name_key` is the lowercased name; users registered before
-- this migration whose names differ only in case keep their accounts, and only the first of them holds
-- the key, so that nobody new can take any spelling of it.
ALTER TABLE users ADD COLUMN name_key TEXT;
UPDATE users SET name_key = lower(name) WHERE id IN (SELECT MIN(id) FROM users GROUP BY lower(name));
CREATE UNIQUE INDEX users_by_name_key ON users (name_key);

-- The daily comment cap counts a user's recent comment events; only comment events are indexed, so
-- votes cost nothing more.
CREATE INDEX events_comments_by_user ON events (user_id, received_at) WHERE kind = 'comment';
