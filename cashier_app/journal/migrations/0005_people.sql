-- People who sign in (people/store.py): a person number, a role, and the PIN only as a slow hash.
CREATE TABLE people (
    number TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL,                 -- cashier | manager | technician
    pin_hash TEXT NOT NULL,             -- scrypt$n$r$p$salt$hash (people/pins.py), never the PIN
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    pin_changed_at TEXT NOT NULL,
    wrong_pins INTEGER NOT NULL DEFAULT 0,  -- wrong PINs in a row since the last right one
    locked_until TEXT,                  -- UTC, no sign-in before then
    last_sign_in_at TEXT
);

-- The audit trail names who was signed in, the manager whose PIN allowed it, and the order.
ALTER TABLE audit ADD COLUMN approved_by TEXT;
ALTER TABLE audit ADD COLUMN out_trade_no TEXT;
ALTER TABLE audit ADD COLUMN detail TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_action ON audit(action, at);

-- Earlier rows were written in the store's local time with its offset: UTC like every other timestamp.
UPDATE audit SET at = strftime('%Y-%m-%dT%H:%M:%f', at) || '000+00:00'
    WHERE at NOT LIKE '%+00:00' AND strftime('%Y-%m-%dT%H:%M:%f', at) IS NOT NULL;
-- "print_order:<number>" carried the order in the action: it has its own column now.
UPDATE audit SET out_trade_no = substr(action, 13), action = 'print_order' WHERE action LIKE 'print_order:%';
