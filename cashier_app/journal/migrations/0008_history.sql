-- The manager's desk: receipt history at scale, print history with the bytes sent, shift
-- handovers, and the retention of archived bytes.

-- Search by number (merchant, third-party or a bank card's reference number): found whole or by
-- its last digits (at least four). SQLite uses
-- an index on the expression for "the last four characters are ...", and the rest of the digits
-- are checked on those few rows.
CREATE INDEX receipts_out_trade_no_tail ON receipts(substr(out_trade_no, -4));
CREATE INDEX receipts_channel_trade_no_tail ON receipts(substr(channel_trade_no, -4));
-- A bank card slip's third-party number is its reference number (参考号).
CREATE INDEX receipts_reference_no_tail ON receipts(substr(reference_no, -4)) WHERE reference_no IS NOT NULL;

-- Search by channel, operator or amount, newest first: the second column keeps each value's rows
-- in time order, so the newest page is read straight off the index.
CREATE INDEX receipts_channel_created ON receipts(channel, created_at);
CREATE INDEX receipts_operator_created ON receipts(operator, created_at);
CREATE INDEX receipts_amount_created ON receipts(amount, created_at);

-- Receipts this app has not printed yet (no print job of theirs is done). Kept by triggers, so
-- every path that records a receipt or finishes a job keeps it right; in print mode it holds a
-- handful of rows, which makes "not printed" as quick to find as a number.
CREATE TABLE receipts_unprinted (
    receipt_id INTEGER PRIMARY KEY REFERENCES receipts(id)
);
INSERT INTO receipts_unprinted(receipt_id)
    SELECT r.id FROM receipts r
    WHERE NOT EXISTS (SELECT 1 FROM print_jobs j WHERE j.receipt_id = r.id AND j.state = 'done');
CREATE TRIGGER receipts_unprinted_on_receipt AFTER INSERT ON receipts
BEGIN
    INSERT OR IGNORE INTO receipts_unprinted(receipt_id) VALUES (new.id);
END;
CREATE TRIGGER receipts_unprinted_on_job_done AFTER UPDATE OF state ON print_jobs
    WHEN new.state = 'done' AND new.receipt_id IS NOT NULL
BEGIN
    DELETE FROM receipts_unprinted WHERE receipt_id = new.receipt_id;
END;
CREATE TRIGGER receipts_unprinted_on_job_written_done AFTER INSERT ON print_jobs
    WHEN new.state = 'done' AND new.receipt_id IS NOT NULL
BEGIN
    DELETE FROM receipts_unprinted WHERE receipt_id = new.receipt_id;
END;

-- Receipts of which a copy marked as a reprint came out of the printer.
CREATE INDEX print_jobs_reprinted ON print_jobs(receipt_id) WHERE is_reprint = 1 AND state = 'done';
-- Reports read the day's jobs by their time.
CREATE INDEX print_jobs_created ON print_jobs(created_at);

-- The ESC/POS bytes laid out for a job, as last sent to the printer (zlib), so that the preview
-- shows exactly what was printed. Jobs queued with their bytes keep them in print_jobs.payload.
CREATE TABLE print_job_bytes (
    job_id INTEGER PRIMARY KEY REFERENCES print_jobs(id),
    laid_out_at TEXT NOT NULL,      -- UTC
    profile TEXT NOT NULL,          -- receipt profile the bytes were laid out for (charset, dots)
    charset TEXT NOT NULL,
    dots INTEGER NOT NULL,
    payload BLOB,                   -- zlib-compressed bytes; NULL once past the retention limit
    pruned_at TEXT
);

-- Archived bytes past the retention limit are removed; the receipt's fields stay for good. The
-- partial indexes hold only what still has its bytes, so each day's pruning reads just that.
ALTER TABLE file_versions ADD COLUMN pruned_at TEXT;
CREATE INDEX file_versions_unpruned ON file_versions(seen_at) WHERE pruned_at IS NULL;
CREATE INDEX print_job_bytes_unpruned ON print_job_bytes(laid_out_at) WHERE payload IS NOT NULL;

-- Paid orders without a receipt, by the day they were paid (day and shift reports).
CREATE INDEX orders_seen_paid ON orders_seen(paid_at);
-- Reprints and other audited actions by receipt and by job (print history, reports).
CREATE INDEX audit_receipt ON audit(receipt_id);
CREATE INDEX audit_job ON audit(job_id);

-- Shift handovers (交班): the shift running until `at` ends there and the next begins. With no
-- handover, a day's shifts follow the configured schedule (reports.shift_starts).
CREATE TABLE shift_handovers (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,               -- UTC
    by_person TEXT NOT NULL,        -- who handed over
    note TEXT NOT NULL DEFAULT '',
    training INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX shift_handovers_at ON shift_handovers(at);

-- Search in a receipt's text: a trigram index of it (contentless, no positions: it only names the
-- receipts that hold every three-character piece of the words asked for; the words themselves
-- are then checked on those receipts). Two line breaks end each text so that every character
-- begins a trigram, and one- and two-character words are found through the index's vocabulary.
CREATE VIRTUAL TABLE receipts_text USING fts5(text, content = '', tokenize = 'trigram', detail = 'none');
CREATE VIRTUAL TABLE receipts_text_vocab USING fts5vocab(receipts_text, 'row');
INSERT INTO receipts_text(rowid, text) SELECT id, text || char(10) || char(10) FROM receipts;
CREATE TRIGGER receipts_text_on_receipt AFTER INSERT ON receipts
BEGIN
    INSERT INTO receipts_text(rowid, text) VALUES (new.id, new.text || char(10) || char(10));
END;
