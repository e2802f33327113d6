-- One decision about paper (design.md "Invariants"): every print job says which document it puts
-- on paper (paper_key: the merchant order number of a sale, 'receipt:<id>' for a refund slip or a
-- receipt without a number) and whether it is that document's original. An original prints at most
-- once per document: the unique partial index below holds it for every path and every process.
ALTER TABLE print_jobs ADD COLUMN paper_key TEXT;
ALTER TABLE print_jobs ADD COLUMN original INTEGER NOT NULL DEFAULT 0;
-- The platform's record of the order, for a job printed from it (receipt_id is NULL then).
ALTER TABLE print_jobs ADD COLUMN order_json TEXT;

-- Jobs written before this migration: the document of a receipt's job, and a job printed from the
-- platform's record named its order in its audit row (action 'print_order', migration 0005).
UPDATE print_jobs SET paper_key = (
    SELECT CASE WHEN r.kind = 'SALE' AND r.out_trade_no IS NOT NULL AND r.out_trade_no != ''
                THEN r.out_trade_no ELSE 'receipt:' || r.id END
    FROM receipts r WHERE r.id = print_jobs.receipt_id)
WHERE receipt_id IS NOT NULL;
UPDATE print_jobs SET paper_key = (
    SELECT a.out_trade_no FROM audit a
    WHERE a.job_id = print_jobs.id AND a.action = 'print_order' AND a.out_trade_no IS NOT NULL LIMIT 1)
WHERE receipt_id IS NULL AND paper_key IS NULL;
-- The first job of each document that was not cancelled is its original (earlier runs could have
-- printed two, the later one is a copy from now on).
UPDATE print_jobs SET original = 1
WHERE paper_key IS NOT NULL AND state != 'cancelled' AND id = (
    SELECT MIN(j.id) FROM print_jobs j WHERE j.paper_key = print_jobs.paper_key AND j.state != 'cancelled');
CREATE UNIQUE INDEX print_jobs_one_original ON print_jobs(paper_key) WHERE original = 1 AND state != 'cancelled';
CREATE INDEX print_jobs_paper ON print_jobs(paper_key, id);

-- What became of each receipt's paper when it was taken in: 'original' (its original job was
-- written with it), 'observe' (the till prints, the app records), 'repeat' (its order had its
-- original already: recorded, not printed), 'pending' (to be printed: the start sweep queues it).
ALTER TABLE receipts ADD COLUMN paper TEXT;
UPDATE receipts SET paper = 'original' WHERE EXISTS (SELECT 1 FROM print_jobs j WHERE j.receipt_id = receipts.id);
CREATE INDEX receipts_paper ON receipts(paper) WHERE paper = 'pending';

-- The paper desk's audit rows name the copy and the printer too.
ALTER TABLE audit ADD COLUMN copy_no INTEGER;
ALTER TABLE audit ADD COLUMN printer TEXT;
CREATE INDEX audit_order ON audit(out_trade_no, id);
