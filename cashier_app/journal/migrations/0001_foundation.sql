-- Every version of every watched file, bytes included, archived before anything else happens.
CREATE TABLE file_versions (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,            -- where it was seen
    seen_at TEXT NOT NULL,         -- UTC, when the finished write was taken
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    outcome TEXT NOT NULL,         -- receipt | refused | duplicate
    refusal_reason TEXT,           -- RefusalReason value when refused
    refusal_detail TEXT,
    kept_aside_path TEXT           -- copy of a refused file in the kept-aside folder
);
CREATE INDEX file_versions_seen ON file_versions(seen_at);
CREATE INDEX file_versions_sha ON file_versions(sha256);

-- The receipt read from a file version.
CREATE TABLE receipts (
    id INTEGER PRIMARY KEY,
    file_version_id INTEGER NOT NULL REFERENCES file_versions(id),
    created_at TEXT NOT NULL,
    encoding TEXT NOT NULL,
    kind TEXT NOT NULL,
    channel TEXT,
    out_trade_no TEXT,
    channel_trade_no TEXT,
    amount INTEGER,
    paid_at TEXT,
    merchant_no TEXT,
    terminal_no TEXT,
    operator TEXT,
    reference_no TEXT,
    template TEXT,
    text TEXT NOT NULL,
    training INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX receipts_created ON receipts(created_at);
CREATE INDEX receipts_out_trade_no ON receipts(out_trade_no);

-- Print jobs: written before a byte is sent, done only after the printer took the last byte.
CREATE TABLE print_jobs (
    id INTEGER PRIMARY KEY,
    receipt_id INTEGER REFERENCES receipts(id),
    printer TEXT NOT NULL,
    state TEXT NOT NULL,           -- queued | sending | done | cancelled
    is_reprint INTEGER NOT NULL DEFAULT 0,
    copy_no INTEGER NOT NULL DEFAULT 1,
    reason TEXT,                   -- why a reprint or a manual job was made
    requested_by TEXT,             -- operator number
    payload BLOB,                  -- ESC/POS bytes, when rendered at queue time
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TEXT NOT NULL,
    started_at TEXT,
    done_at TEXT,
    cancel_reason TEXT
);
CREATE INDEX print_jobs_state ON print_jobs(state, id);
CREATE INDEX print_jobs_receipt ON print_jobs(receipt_id);

-- Small key/value state that must survive restarts (cursors, last seen status).
CREATE TABLE app_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
