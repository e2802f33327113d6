-- The indexes on a number's last four characters also hold the receipt's time: the receipts whose
-- number ends so are sorted newest first from the index, and only the page's rows are read (at a
-- million receipts, a four-digit tail names about a thousand of them, mostly long out of any cache).
DROP INDEX receipts_out_trade_no_tail;
DROP INDEX receipts_channel_trade_no_tail;
DROP INDEX receipts_reference_no_tail;
CREATE INDEX receipts_out_trade_no_tail ON receipts(substr(out_trade_no, -4), created_at);
CREATE INDEX receipts_channel_trade_no_tail ON receipts(substr(channel_trade_no, -4), created_at);
CREATE INDEX receipts_reference_no_tail ON receipts(substr(reference_no, -4), created_at)
    WHERE reference_no IS NOT NULL;
