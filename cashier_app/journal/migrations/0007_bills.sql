-- The platforms' daily bills (WeChat Pay, Alipay): each imported day, and its money movements,
-- which also prove refunds (a WeChat REFUND is full only when the bills' refunds add up).
CREATE TABLE bill_entries (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    day TEXT NOT NULL,              -- yyyy-mm-dd, Beijing time
    kind TEXT NOT NULL,             -- payment | refund | revoked
    out_trade_no TEXT NOT NULL,
    channel_trade_no TEXT,
    at TEXT NOT NULL,               -- UTC ISO-8601
    amount INTEGER NOT NULL,        -- fen
    refund_no TEXT NOT NULL DEFAULT '',
    device TEXT NOT NULL DEFAULT ''
);
CREATE INDEX bill_entries_day ON bill_entries(platform, day);
CREATE INDEX bill_entries_order ON bill_entries(out_trade_no);

CREATE TABLE bill_imports (
    platform TEXT NOT NULL,
    day TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    entries INTEGER NOT NULL,
    digest TEXT NOT NULL DEFAULT '',
    findings INTEGER NOT NULL DEFAULT 0,
    training INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (platform, day, training)
);
