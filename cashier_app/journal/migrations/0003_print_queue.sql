-- The print queue's own bookkeeping on top of 0001's print_jobs table.
-- state gains 'held': the job at the head of a printer's queue that is waiting for the printer.
ALTER TABLE print_jobs ADD COLUMN fault_code TEXT;          -- why it is held (PrinterFault code)
ALTER TABLE print_jobs ADD COLUMN held_at TEXT;             -- first time it was held
ALTER TABLE print_jobs ADD COLUMN parked INTEGER NOT NULL DEFAULT 0;  -- held until someone retries it
ALTER TABLE print_jobs ADD COLUMN cancelled_by TEXT;        -- operator number
ALTER TABLE print_jobs ADD COLUMN cancelled_at TEXT;
ALTER TABLE print_jobs ADD COLUMN moved_from TEXT;          -- printer it was queued for before a move
ALTER TABLE print_jobs ADD COLUMN updated_at TEXT;
CREATE INDEX print_jobs_printer_state ON print_jobs(printer, state, id);

-- Every step of every job, for the technician and the case history.
CREATE TABLE print_job_log (
    id INTEGER PRIMARY KEY,
    job_id INTEGER NOT NULL REFERENCES print_jobs(id),
    at TEXT NOT NULL,
    event TEXT NOT NULL,           -- queued | sending | done | held | interrupted | cancelled | moved | retry | recovered
    detail TEXT
);
CREATE INDEX print_job_log_job ON print_job_log(job_id, id);
