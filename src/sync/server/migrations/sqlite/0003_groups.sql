-- Study groups and trending (issue 18). Append-only: never edit this file once released.
--
-- A group has members and one-time invites; removing a group removes both (ON DELETE CASCADE). Shared
-- activity (solves, reviews, milestones) belongs to the user who shared it, not to a group: a group shows
-- its current members' activity, so a member who leaves disappears from its views at once.
CREATE TABLE groups (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    owner_id    INTEGER NOT NULL REFERENCES users (id),
    created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE members (
    group_id   INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    joined_at  INTEGER NOT NULL,
    PRIMARY KEY (group_id, user_id)
) STRICT;

CREATE INDEX members_by_user ON members (user_id);

-- An invite is its code's SHA-256; using it deletes it (single use).
CREATE TABLE invites (
    code_hash   BLOB    PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    expires_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX invites_by_group ON invites (group_id);

CREATE TABLE activity (
    event_id  TEXT    PRIMARY KEY,
    user_id   INTEGER NOT NULL REFERENCES users (id),
    kind      TEXT    NOT NULL CHECK (kind IN ('solve', 'review', 'milestone')),
    slug      TEXT,
    title     TEXT,
    at        INTEGER NOT NULL
) STRICT;

CREATE INDEX activity_by_user ON activity (user_id, at);

-- Per problem, counts of recent votes, comments and solves across all users, each decayed by half every
-- seven days (server time) as of `as_of`: one row per problem, updated in the transaction that applies
-- the event, so serving trending reads one small table. The server fills it once at start from the votes and
-- comments stored before it (a `trending_backfilled` row in `counters` marks that done).
CREATE TABLE trending (
    slug      TEXT    PRIMARY KEY,
    votes     REAL    NOT NULL,
    comments  REAL    NOT NULL,
    solves    REAL    NOT NULL,
    as_of     INTEGER NOT NULL
) STRICT;
