-- Submissions: every `codify submit`, with the code and the per-case results.
CREATE TABLE submissions (
    id          INTEGER PRIMARY KEY,
    problem     TEXT    NOT NULL,
    code        TEXT    NOT NULL,
    verdict     TEXT    NOT NULL,
    passed      INTEGER NOT NULL,
    total       INTEGER NOT NULL,
    runtime_ms  REAL    NOT NULL,
    cases_json  TEXT    NOT NULL,
    -- Unix time in milliseconds (UTC) and the local time of day it was, in minutes after midnight.
    created_at  INTEGER NOT NULL,
    local_minute INTEGER NOT NULL
) STRICT;

CREATE INDEX submissions_by_problem ON submissions (problem, created_at);
CREATE INDEX submissions_by_time ON submissions (created_at);
