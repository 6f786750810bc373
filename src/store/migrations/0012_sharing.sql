-- Study groups and trending (issue 18). What this account shares with its groups: a comma-separated set
-- of `solves`, `reviews`, `milestones`; empty (the default) shares nothing. It belongs to the account, so
-- signing out stops sharing.
ALTER TABLE community_account ADD COLUMN share TEXT NOT NULL DEFAULT '';

-- Trending as last pulled from the server: per problem, decayed counts of recent votes, comments and
-- solves across all users, and their score. Replaced whole by each sync.
CREATE TABLE community_trending (
    slug      TEXT PRIMARY KEY,
    score     REAL NOT NULL,
    votes     REAL NOT NULL,
    comments  REAL NOT NULL,
    solves    REAL NOT NULL
) STRICT;

-- The last view of each group fetched from the server, to show offline (JSON of wire::GroupView).
CREATE TABLE community_groups (
    id          INTEGER PRIMARY KEY,
    view_json   TEXT    NOT NULL,
    fetched_at  INTEGER NOT NULL
) STRICT;
