-- Community server, SQLite: users, every event id ever applied (for idempotent replays), votes, comments
-- and the comment feed counter. Migrations are append-only: never edit this file once released.
CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    token_hash  BLOB    NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE events (
    id           TEXT    PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    kind         TEXT    NOT NULL,
    received_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE votes (
    user_id   INTEGER NOT NULL REFERENCES users (id),
    slug      TEXT    NOT NULL,
    value     INTEGER NOT NULL CHECK (value IN (-1, 0, 1)),
    at        INTEGER NOT NULL,
    event_id  TEXT    NOT NULL,
    PRIMARY KEY (user_id, slug)
) STRICT;

CREATE INDEX votes_by_slug ON votes (slug);

CREATE TABLE comments (
    id       TEXT    PRIMARY KEY,
    user_id  INTEGER NOT NULL REFERENCES users (id),
    slug     TEXT    NOT NULL,
    text     TEXT    NOT NULL,
    tag      TEXT,
    at       INTEGER NOT NULL,
    seq      INTEGER NOT NULL UNIQUE,
    deleted  INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX comments_by_slug ON comments (slug, seq);

CREATE TABLE counters (
    name   TEXT    PRIMARY KEY,
    value  INTEGER NOT NULL
) STRICT;

INSERT INTO counters (name, value) VALUES ('comment_seq', 0);
