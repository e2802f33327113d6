-- Training with feedback (app/training.py): one row per lesson a trainee finished, with its checks.
CREATE TABLE training_results (
    id INTEGER PRIMARY KEY,
    trainee TEXT NOT NULL,              -- person number of the trainee signed in
    trainee_name TEXT NOT NULL DEFAULT '',
    lesson TEXT NOT NULL,               -- lesson id (lessons.json, or case-<id> for a replayed case)
    lesson_title TEXT NOT NULL DEFAULT '',
    out_trade_no TEXT,                  -- the practice order of this run
    started_at TEXT NOT NULL,           -- UTC
    finished_at TEXT NOT NULL,          -- UTC
    score INTEGER NOT NULL,             -- 0..100
    checks TEXT NOT NULL                -- JSON: [{"check": "synced_first", "passed": true}, ...]
);
CREATE INDEX training_results_trainee ON training_results(trainee, id);
