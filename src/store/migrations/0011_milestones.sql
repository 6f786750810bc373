-- Milestones (issue 18): what the learner's history earned (learner::milestones), each awarded once, with
-- the time of the submission or interview that earned it. Derived: rebuilt from the history when the rules
-- change (`rules` below) and not exported; `shown` is 1 once the learner was told (the TUI's notice).

CREATE TABLE milestones (
    id         TEXT    PRIMARY KEY,
    earned_at  INTEGER NOT NULL,
    title      TEXT    NOT NULL,
    why        TEXT    NOT NULL,
    shown      INTEGER NOT NULL DEFAULT 0 CHECK (shown IN (0, 1))
) STRICT;

-- What the last evaluation read: the rules' version (0: never evaluated, so the first one rebuilds), a key
-- of its inputs (bank digest, last ids, counts), and the newest event time it had seen. Milestones that a
-- later evaluation finds earned at or before `seen_at` (an upgrade's old history) are filed as shown, so
-- that only new evidence is announced.
CREATE TABLE milestones_state (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    rules    INTEGER NOT NULL,
    inputs   TEXT    NOT NULL,
    seen_at  INTEGER NOT NULL
) STRICT;

INSERT INTO milestones_state (id, rules, inputs, seen_at)
SELECT 1, 0, '', coalesce(max(t), 0)
FROM (SELECT max(created_at) AS t FROM submissions UNION ALL SELECT max(created_at) FROM interviews);
