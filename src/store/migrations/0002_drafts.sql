-- Drafts: the code in the editor per problem, autosaved; and small key/value UI state (last problem, ...).
CREATE TABLE drafts (
    problem     TEXT    PRIMARY KEY,
    code        TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE ui_state (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;
