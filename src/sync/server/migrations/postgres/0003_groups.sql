-- Study groups and trending (issue 18), PostgreSQL: the same as the SQLite migration. Append-only: never
-- edit this file once released.
CREATE TABLE groups (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT   NOT NULL,
    owner_id    BIGINT NOT NULL REFERENCES users (id),
    created_at  BIGINT NOT NULL
);

CREATE TABLE members (
    group_id   BIGINT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id),
    joined_at  BIGINT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);

CREATE INDEX members_by_user ON members (user_id);

CREATE TABLE invites (
    code_hash   BYTEA  PRIMARY KEY,
    group_id    BIGINT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    expires_at  BIGINT NOT NULL
);

CREATE INDEX invites_by_group ON invites (group_id);

CREATE TABLE activity (
    event_id  UUID   PRIMARY KEY,
    user_id   BIGINT NOT NULL REFERENCES users (id),
    kind      TEXT   NOT NULL CHECK (kind IN ('solve', 'review', 'milestone')),
    slug      TEXT,
    title     TEXT,
    at        BIGINT NOT NULL
);

CREATE INDEX activity_by_user ON activity (user_id, at);

CREATE TABLE trending (
    slug      TEXT             PRIMARY KEY,
    votes     DOUBLE PRECISION NOT NULL,
    comments  DOUBLE PRECISION NOT NULL,
    solves    DOUBLE PRECISION NOT NULL,
    as_of     BIGINT           NOT NULL
);
