-- Submissions that repeat an earlier one do not count for the learner model (issue 15): resubmitting the
-- same file and getting the same verdict says nothing new. `is_repeat` is 1 when an earlier submission of
-- the same problem had byte-identical code and the same verdict. `Store::add_submission` sets it for new rows; the flag below
-- asks `Store::open` to mark the rows already stored, once (`Store::mark_repeats`, one pass per problem).
-- Rows are kept either way: nothing is deleted.
ALTER TABLE submissions ADD COLUMN is_repeat INTEGER NOT NULL DEFAULT 0;

-- The covering indexes of 0003, with the new column: the fold and the problem list still read only these.
DROP INDEX submissions_profile;
CREATE INDEX submissions_profile ON submissions (created_at, problem, verdict, finding_mask, hints_used, is_repeat);
DROP INDEX submissions_progress;
CREATE INDEX submissions_progress ON submissions (problem, verdict, is_repeat);

INSERT INTO ui_state (key, value) VALUES ('repeat_backfill', 'pending') ON CONFLICT (key) DO NOTHING;

-- Accepted solutions slower than the optimal bound are reviews graded Hard now ("solved, not optimal"): the
-- replay of migration 0008 runs once more, so that problems only ever solved slowly get their card too. It
-- touches only problems without a card.
INSERT INTO ui_state (key, value) VALUES ('review_backfill', 'pending') ON CONFLICT (key) DO NOTHING;
