-- Exception cases (domain/cases.py) and their steps.
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    case_key TEXT,                  -- reconciliation raises each finding once per key
    kind TEXT NOT NULL,
    status TEXT NOT NULL,           -- open | closed
    opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    out_trade_no TEXT,
    channel_trade_no TEXT,
    amount INTEGER,
    payment_state TEXT,
    cause TEXT NOT NULL DEFAULT '',
    result TEXT,
    closed_at TEXT,
    closed_by TEXT,
    training INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX cases_key ON cases(case_key) WHERE case_key IS NOT NULL;
CREATE INDEX cases_opened ON cases(opened_at);
CREATE INDEX cases_order ON cases(out_trade_no);

CREATE TABLE case_steps (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    state_seen TEXT,
    outcome TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_steps_case ON case_steps(case_id, id);

-- The platform's orders as last seen by reconciliation or a lookup (forward-only states).
CREATE TABLE orders_seen (
    out_trade_no TEXT PRIMARY KEY,
    channel_trade_no TEXT,
    channel TEXT,
    state TEXT NOT NULL,
    total_amount INTEGER,
    created_at TEXT,
    paid_at TEXT,
    updated_at TEXT,
    order_json TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    not_on_platform INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX orders_seen_updated ON orders_seen(updated_at);

-- Reprints and other audited actions by a person.
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    receipt_id INTEGER,
    job_id INTEGER,
    case_id INTEGER,
    reason TEXT NOT NULL DEFAULT '',
    training INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX audit_at ON audit(at);
