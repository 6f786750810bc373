-- The learner model (issue 6): intake profiles (one active), plans per profile, FSRS review cards per
-- problem, interview sessions and the readiness per topic they leave.

CREATE TABLE learner_profiles (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL UNIQUE,
    -- The intake (learner::Intake) as JSON, answers to follow-up questions included.
    intake_json  TEXT    NOT NULL,
    active       INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX learner_profiles_one_active ON learner_profiles (active) WHERE active = 1;

-- Every plan made, newest last; `source` is `llm` or `offline`, `note` why offline (or the model).
CREATE TABLE learner_plans (
    id          INTEGER PRIMARY KEY,
    profile_id  INTEGER NOT NULL REFERENCES learner_profiles (id) ON DELETE CASCADE,
    plan_json   TEXT    NOT NULL,
    source      TEXT    NOT NULL CHECK (source IN ('llm', 'offline')),
    note        TEXT,
    created_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX learner_plans_by_profile ON learner_plans (profile_id, id);

-- One FSRS card per problem (learner::review); times in Unix ms.
CREATE TABLE review_cards (
    problem         TEXT    PRIMARY KEY,
    due_at          INTEGER NOT NULL,
    stability       REAL    NOT NULL,
    difficulty      REAL    NOT NULL,
    elapsed_days    INTEGER NOT NULL,
    scheduled_days  INTEGER NOT NULL,
    reps            INTEGER NOT NULL,
    lapses          INTEGER NOT NULL,
    state           INTEGER NOT NULL,
    last_review_at  INTEGER NOT NULL,
    last_grade      TEXT    NOT NULL CHECK (last_grade IN ('again', 'hard', 'good'))
) STRICT;

-- Finished interview sessions (learner::interview).
CREATE TABLE interviews (
    id              INTEGER PRIMARY KEY,
    profile_id      INTEGER REFERENCES learner_profiles (id) ON DELETE SET NULL,
    session_json    TEXT    NOT NULL,
    outcome_json    TEXT    NOT NULL,
    readiness_json  TEXT    NOT NULL,
    created_at      INTEGER NOT NULL
) STRICT;

-- Readiness per topic, blended over sessions.
CREATE TABLE readiness (
    topic       TEXT    PRIMARY KEY,
    score       REAL    NOT NULL,
    sessions    INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;
