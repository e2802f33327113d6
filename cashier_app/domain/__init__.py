"""Business rules with no Qt and no I/O: receipts, orders, reconciliation, cases, guidance."""
