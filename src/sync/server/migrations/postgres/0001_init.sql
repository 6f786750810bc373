-- Community server, PostgreSQL: the same tables as the SQLite backend. Append-only: never edit this file
-- once released; add 0002_*.sql instead.
CREATE TABLE users (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT   NOT NULL UNIQUE,
    token_hash  BYTEA  NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL
);

CREATE TABLE events (
    id           UUID   PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id),
    kind         TEXT   NOT NULL,
    received_at  BIGINT NOT NULL
);

CREATE TABLE votes (
    user_id   BIGINT   NOT NULL REFERENCES users (id),
    slug      TEXT     NOT NULL,
    value     SMALLINT NOT NULL CHECK (value IN (-1, 0, 1)),
    at        BIGINT   NOT NULL,
    event_id  UUID     NOT NULL,
    PRIMARY KEY (user_id, slug)
);

CREATE INDEX votes_by_slug ON votes (slug);

CREATE TABLE comments (
    id       UUID    PRIMARY KEY,
    user_id  BIGINT  NOT NULL REFERENCES users (id),
    slug     TEXT    NOT NULL,
    text     TEXT    NOT NULL,
    tag      TEXT,
    at       BIGINT  NOT NULL,
    seq      BIGINT  NOT NULL UNIQUE,
    deleted  BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE INDEX comments_by_slug ON comments (slug, seq);

CREATE TABLE counters (
    name   TEXT   PRIMARY KEY,
    value  BIGINT NOT NULL
);

INSERT INTO counters (name, value) VALUES ('comment_seq', 0);
