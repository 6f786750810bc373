-- The submissions folded for the learner views (learner::fold::Fold as JSON), saved so that `codify next`,
-- the dashboard and the plan read only the submissions added since (`upto` is the last submission id
-- folded). A cache: deleting the row only makes the next read fold the whole history again.

CREATE TABLE learner_fold (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL,
    upto     INTEGER NOT NULL,
    state    TEXT    NOT NULL
) STRICT;
