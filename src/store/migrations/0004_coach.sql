-- The tutor (issue 5): chat history per problem, token usage per day, the response cache, solutions shown,
-- and embeddings of knowledge passages and problems. How many hints a learner has used is kept where the
-- TUI and submissions already read it (ui_state `hints_used:<slug>`, see drafts.rs).

CREATE TABLE coach_messages (
    id              INTEGER PRIMARY KEY,
    problem         TEXT    NOT NULL,
    role            TEXT    NOT NULL CHECK (role IN ('learner', 'tutor')),
    text            TEXT    NOT NULL,
    -- Tutor messages: `llm` or `offline`; why the tutor was offline; the model; the hint given, if any.
    source          TEXT,
    offline_reason  TEXT,
    model           TEXT,
    hint_number     INTEGER,
    -- Unix time in milliseconds.
    created_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX coach_messages_by_problem ON coach_messages (problem, id);

-- Tokens spent per local calendar day (YYYY-MM-DD), for the daily budget.
CREATE TABLE coach_usage (
    day                TEXT    PRIMARY KEY,
    prompt_tokens      INTEGER NOT NULL,
    completion_tokens  INTEGER NOT NULL,
    requests           INTEGER NOT NULL
) STRICT;

-- Replies to identical requests: `key` is a hash of the model and every message sent.
CREATE TABLE coach_cache (
    key         TEXT    PRIMARY KEY,
    model       TEXT    NOT NULL,
    reply       TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX coach_cache_by_time ON coach_cache (created_at);

-- When the learner was shown a full solution (after giving up or solving), which voids mastery credit.
CREATE TABLE coach_solutions_seen (
    problem     TEXT    PRIMARY KEY,
    created_at  INTEGER NOT NULL
) STRICT;

-- One vector per (embedder, kind, ref): `kind` is `passage` (a piece of a knowledge note) or `problem`;
-- `vector` is little-endian f32 x dims, the format sqlite-vec's functions read. `text_hash` tells when the
-- source text changed; rows of an embedder that is no longer in use are deleted, which re-embeds.
CREATE TABLE coach_embeddings (
    id          INTEGER PRIMARY KEY,
    embedder    TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    ref         TEXT    NOT NULL,
    text_hash   TEXT    NOT NULL,
    dims        INTEGER NOT NULL,
    vector      BLOB    NOT NULL,
    UNIQUE (embedder, kind, ref)
) STRICT;
