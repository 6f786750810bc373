-- Dynamic programming became two topics, as on the roadmap: `dp-1d` and `dp-2d` (knowledge/progression.toml,
-- where `renamed` keeps the old name usable on input). Stored readiness and self-rated confidence move to
-- both new topics; old plans and interview records keep the name they were made with.

INSERT INTO readiness (topic, score, sessions, updated_at)
    SELECT t.name, r.score, r.sessions, r.updated_at
    FROM readiness r, (SELECT 'dp-1d' AS name UNION ALL SELECT 'dp-2d') t
    WHERE r.topic = 'dynamic-programming'
ON CONFLICT (topic) DO NOTHING;
DELETE FROM readiness WHERE topic = 'dynamic-programming';

UPDATE learner_profiles
SET intake_json = json_remove(
        json_set(intake_json,
            '$.confidence."dp-1d"', coalesce(json_extract(intake_json, '$.confidence."dp-1d"'),
                                           json_extract(intake_json, '$.confidence."dynamic-programming"')),
            '$.confidence."dp-2d"', coalesce(json_extract(intake_json, '$.confidence."dp-2d"'),
                                           json_extract(intake_json, '$.confidence."dynamic-programming"'))),
        '$.confidence."dynamic-programming"')
WHERE json_extract(intake_json, '$.confidence."dynamic-programming"') IS NOT NULL;
