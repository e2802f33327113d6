"""The SQLite journal: archived file versions, receipts, print jobs, orders, cases, audit."""
