-- Analysis stored with each submission: the whole analysis as JSON for display, and a bitmask of the
-- mistake patterns found (confidence >= 0.5) so the weakness profile is one narrow scan.
ALTER TABLE submissions ADD COLUMN analysis_json TEXT;
ALTER TABLE submissions ADD COLUMN finding_mask INTEGER NOT NULL DEFAULT 0;
-- How many hints the learner had seen for the problem when submitting (lowers the mastery credit).
ALTER TABLE submissions ADD COLUMN hints_used INTEGER NOT NULL DEFAULT 0;
-- Covering indexes: the weakness profile and the problem list read only these columns, never the wide rows
-- (code and per-case results can be kilobytes each).
CREATE INDEX submissions_profile ON submissions (created_at, problem, verdict, finding_mask, hints_used);
CREATE INDEX submissions_progress ON submissions (problem, verdict);
