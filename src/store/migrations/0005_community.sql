-- Community (issue 7): what this machine did (the outbox of events not yet acknowledged by the server),
-- the local view (my votes, the comment cache, the last pulled aggregates) and the account.

-- Events waiting for the server. An entry is deleted only when the server has acknowledged it (or the
-- event that supersedes it). `seq` is the local order; `id` the client-made UUID the server dedups on.
CREATE TABLE community_outbox (
    seq         INTEGER PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    event_json  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
) STRICT;

-- My current vote per problem: 1 up, -1 down, 0 cleared; `at` orders votes (Unix ms).
CREATE TABLE community_votes (
    slug  TEXT    PRIMARY KEY,
    vote  INTEGER NOT NULL CHECK (vote IN (-1, 0, 1)),
    at    INTEGER NOT NULL
) STRICT;

-- Comments: mine (from the moment they are written) and everyone's (as pulled). `seq` is the server's
-- feed position, NULL until a pull has shown the comment; `deleted` is set by a local deletion or by the
-- server, `server_deleted` only by the server.
CREATE TABLE community_comments (
    id              TEXT    PRIMARY KEY,
    slug            TEXT    NOT NULL,
    author          TEXT,
    mine            INTEGER NOT NULL DEFAULT 0,
    text            TEXT    NOT NULL,
    tag             TEXT,
    at              INTEGER NOT NULL,
    seq             INTEGER,
    deleted         INTEGER NOT NULL DEFAULT 0,
    server_deleted  INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX community_comments_by_slug ON community_comments (slug, at);

-- The aggregates of the last complete pull, per problem.
CREATE TABLE community_aggregates (
    slug              TEXT    PRIMARY KEY,
    up                INTEGER NOT NULL,
    down              INTEGER NOT NULL,
    comments          INTEGER NOT NULL,
    too_hard          INTEGER NOT NULL,
    good_intro        INTEGER NOT NULL,
    pattern_practice  INTEGER NOT NULL,
    my_vote           INTEGER NOT NULL
) STRICT;

-- The one community server this machine syncs with, the user name there and the bearer token; the
-- comment feed cursor and the time of the last successful sync.
CREATE TABLE community_account (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    server           TEXT    NOT NULL,
    user_name        TEXT    NOT NULL,
    token            TEXT    NOT NULL,
    comments_cursor  INTEGER NOT NULL DEFAULT 0,
    last_sync_at     INTEGER
) STRICT;
