-- The record the field asks for: when and how the customer paid, how to reach them, a note per step,
-- and when a case was reported for handling (it ages until the platform answers).
ALTER TABLE cases ADD COLUMN paid_at TEXT;               -- UTC
ALTER TABLE cases ADD COLUMN channel TEXT;               -- WECHAT | ALIPAY | UNIONPAY | BANKCARD
ALTER TABLE cases ADD COLUMN customer_contact TEXT;      -- as given, masked wherever it leaves the till
ALTER TABLE cases ADD COLUMN escalated_at TEXT;          -- UTC, first escalate step
ALTER TABLE cases ADD COLUMN escalation_reminded_at TEXT;  -- UTC, the one reminder once it is overdue
ALTER TABLE case_steps ADD COLUMN note TEXT NOT NULL DEFAULT '';
CREATE INDEX cases_escalated ON cases(escalated_at) WHERE escalated_at IS NOT NULL;

-- Cases escalated before this migration age from their first escalate step.
UPDATE cases SET escalated_at = (
    SELECT MIN(at) FROM case_steps WHERE case_steps.case_id = cases.id AND case_steps.action = 'escalate');
-- The order's payment time and channel, where reconciliation or a lookup saw the order.
UPDATE cases SET paid_at = (SELECT paid_at FROM orders_seen WHERE orders_seen.out_trade_no = cases.out_trade_no),
                 channel = (SELECT channel FROM orders_seen WHERE orders_seen.out_trade_no = cases.out_trade_no)
    WHERE out_trade_no IS NOT NULL;
