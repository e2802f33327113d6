"""The rules of paper: whether a receipt goes on paper as its document's original or as a copy.

A *document* is what a customer holds: for a sale, the order (its merchant order number), whichever
path produced the paper (the till's print.txt or the platform's record); a refund slip, or a receipt
without an order number, is a document of its own. Rules:

- an original prints at most once per document;
- every further copy is a reprint, asked for by a person, with its reason and its copy number;
- a copy is not queued while the original (or another copy) is still on its way: it would come out
  of the printer right after it, and the customer would hold two.

Pure: the paper desk (cashier_app/paper/) reads the document's jobs from the journal, asks `decide`
and writes what it says in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

# Print job states (journal/print_jobs.py), as the rules read them.
QUEUED, SENDING, HELD, DONE, CANCELLED = "queued", "sending", "held", "done", "cancelled"
_ON_ITS_WAY = frozenset({QUEUED, SENDING, HELD})

RECEIPT_KEY_PREFIX = "receipt:"
# Training's practice orders are documents apart from real ones with the same number.
TRAINING_KEY_PREFIX = "training:"


def paper_key(out_trade_no: str | None, *, refund: bool = False, receipt_id: int | None = None,
              training: bool = False) -> str:
    """The document a receipt puts on paper: its merchant order number for a sale, else the receipt itself."""
    prefix = TRAINING_KEY_PREFIX if training else ""
    if out_trade_no and not refund:
        return prefix + out_trade_no
    if receipt_id is None:
        raise ValueError("a refund slip or a receipt without an order number is keyed by its receipt id")
    return f"{prefix}{RECEIPT_KEY_PREFIX}{receipt_id}"


def order_of_key(key: str) -> str | None:
    """The merchant order number a document key names (None for a receipt's own key)."""
    bare = key.removeprefix(TRAINING_KEY_PREFIX)
    return None if bare.startswith(RECEIPT_KEY_PREFIX) else bare


class Want(StrEnum):
    """What the caller asks for."""

    ORIGINAL = "original"  # the document's first paper: refused when it has one (printed or on its way)
    COPY = "copy"  # another copy, asked by a person: a reprint (the original when there is none yet)


class Refusal(StrEnum):
    """Why no job was written."""

    ORIGINAL_EXISTS = "original_exists"  # the original is printed: a person may ask for a copy
    ORIGINAL_PENDING = "original_pending"  # the original is queued, held or being sent: it prints by itself
    COPY_PENDING = "copy_pending"  # a copy is already on its way


class PaperStatus(StrEnum):
    """What a document has had, as the cashier needs to know it."""

    NONE = "none"  # no paper at all (nor on its way)
    ON_ITS_WAY = "on_its_way"  # the original is queued or being sent
    HELD = "held"  # the original waits for the printer (paper end, cover open ...)
    PRINTED = "printed"  # the original is printed (by the app, or by the till in observe mode)


@dataclass(frozen=True)
class JobSeen:
    """One print job of a document, as the rules need it."""

    job_id: int
    state: str
    original: bool
    copy_no: int
    fault_code: str | None = None
    done_at: str | None = None
    requested_by: str | None = None


@dataclass(frozen=True)
class Paper:
    """The job to write: the original (copy 1), or a reprint with its copy number."""

    original: bool
    copy_no: int

    @property
    def is_reprint(self) -> bool:
        return not self.original


@dataclass(frozen=True)
class PaperHistory:
    """A document's print jobs, oldest first; `till_printed`: the till printed it (observe mode)."""

    jobs: tuple[JobSeen, ...] = ()
    till_printed: bool = False

    @property
    def live(self) -> tuple[JobSeen, ...]:
        return tuple(j for j in self.jobs if j.state != CANCELLED)

    @property
    def original(self) -> JobSeen | None:
        return next((j for j in self.live if j.original), None)

    @property
    def status(self) -> PaperStatus:
        """Held or on its way while any of its jobs is (the original or a copy): nothing more to print
        then; printed once the original is out; none before."""
        on_its_way = [j for j in self.live if j.state in _ON_ITS_WAY]
        if on_its_way:
            return PaperStatus.HELD if any(j.state == HELD for j in on_its_way) else PaperStatus.ON_ITS_WAY
        if self.original is None and not self.till_printed:
            return PaperStatus.NONE
        return PaperStatus.PRINTED

    @property
    def copies_printed(self) -> int:
        """Reprints that came out of the printer."""
        return sum(1 for j in self.live if not j.original and j.state == DONE)

    @property
    def held(self) -> tuple[JobSeen, ...]:
        return tuple(j for j in self.live if j.state == HELD)


def history(jobs: Iterable[JobSeen], *, till_printed: bool = False) -> PaperHistory:
    return PaperHistory(tuple(sorted(jobs, key=lambda j: j.job_id)), till_printed)


def decide(want: Want, seen: PaperHistory) -> Paper | Refusal:
    """The job `want` may have, given what the document has had."""
    original = seen.original
    if original is None and not seen.till_printed:
        return Paper(original=True, copy_no=1)
    if want is Want.ORIGINAL:
        if original is not None and original.state in _ON_ITS_WAY:
            return Refusal.ORIGINAL_PENDING
        return Refusal.ORIGINAL_EXISTS
    if original is not None and original.state in _ON_ITS_WAY:
        return Refusal.ORIGINAL_PENDING
    if any(j.state in _ON_ITS_WAY for j in seen.live):
        return Refusal.COPY_PENDING
    # Copies count what came out of the printer: the original (or the till's) is copy 1, a send cut
    # off part-way counted its own.
    printed = [j.copy_no for j in seen.live]
    return Paper(original=False, copy_no=max([1, *printed]) + 1)


# -- reasons -----------------------------------------------------------------------------------

class Reason(StrEnum):
    """Reasons the app itself gives (a person's reason is their own words)."""

    TILL_RECEIPT = "till_receipt"  # the till wrote print.txt after a payment
    PAID_NO_RECEIPT = "paid_no_receipt"  # paid on the platform, no print.txt came: from the platform's record
    INTERRUPTED = "interrupted"  # the send was cut off part-way: printed again
    START_SWEEP = "start_sweep"  # a receipt found without its original job when the app started


# What the customer reads on a reprint's mark: never an internal code.
_REASON_ON_PAPER = {
    Reason.TILL_RECEIPT.value: "",
    Reason.PAID_NO_RECEIPT.value: "已付款未出小票",
    Reason.INTERRUPTED.value: "打印中断后重打",
    Reason.START_SWEEP.value: "",
}


def reason_on_paper(reason: str | None) -> str:
    """The reason as printed on a reprint's mark: a person's own words, or the words for an app's code."""
    if not reason:
        return ""
    return _REASON_ON_PAPER.get(reason, reason)
