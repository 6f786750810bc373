-- Submissions made before 0006 never became FSRS reviews, so problems failed back then are never
-- brought back for review. This flag asks `Store::open` to replay, once, the submissions of every problem
-- that has submissions but no review card (see `Store::backfill_reviews`); a new database has nothing
-- to replay and only clears it.

INSERT INTO ui_state (key, value) VALUES ('review_backfill', 'pending') ON CONFLICT (key) DO NOTHING;
