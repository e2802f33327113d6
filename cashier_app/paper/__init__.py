"""Paper: the one place that decides whether an order gets paper, as its original or as a copy.

See desk.py for who calls it with what; the rules themselves are in domain/paper.py.
"""

from cashier_app.domain.paper import PaperStatus, Reason, Refusal, Want
from cashier_app.paper.desk import PaperDesk, PaperJob, PaperRefused, PaperState
from cashier_app.paper.render import JobRenderer

__all__ = [
    "JobRenderer", "PaperDesk", "PaperJob", "PaperRefused", "PaperState", "PaperStatus", "Reason", "Refusal", "Want",
]
