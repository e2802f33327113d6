"""The lookup page's answer: what became of the order, in words, with its facts, its case and the voucher
question. It only shows a LookupView (cashier_app.lookup.view); the page decides what happens next.

Colours are the theme's (resources/styles: #verdictText, #fact_state and #lookupResult, by their
`severity` property), so the high-contrast theme turns them as it turns the rest of the window.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cashier_app.domain.guidance import LookupOutcome, Verdict, Voucher
from cashier_app.domain.local_time import store_time
from cashier_app.domain.money import format_fen
from cashier_app.domain.order_numbers import NumberKind
from cashier_app.domain.paper import PaperStatus
from cashier_app.lookup.view import LookupView
from cashier_app.ui import messages
from cashier_app.ui.accessibility import accessible
from cashier_app.ui.appearance import set_style_property
from cashier_app.ui.rows import CASE_OPEN, CaseRow

translate = QCoreApplication.translate

# How many of the case's latest steps the page shows (the cases page has the whole timeline).
CASE_STEPS_SHOWN = 4
FACT_KEYS = ("state", "amount", "channel", "created", "paid", "out_trade_no", "channel_trade_no")


def time_text(moment: datetime | str | None, zone: tzinfo) -> str:
    """On the store's clock, whatever offset the platform or the journal wrote it in."""
    return store_time(moment, zone) or "—"


def asks_voucher(view: LookupView) -> bool:
    """Ask the customer about a voucher: unpaid on the platform, or a merchant number the platform does not
    know (the voucher tells a mistyped number from a payment that never started)."""
    verdict = view.guidance.verdict
    if verdict is Verdict.NOT_FOUND:
        return view.number_kind is NumberKind.MERCHANT and view.voucher is Voucher.NOT_ASKED
    return verdict is Verdict.ASK_FOR_VOUCHER


def paper_note_text(view: LookupView, zone: tzinfo) -> str:
    """What the order's receipt has had, in words: held (and why), printing, or printed when and by whom."""
    paper = view.paper
    if paper is PaperStatus.HELD:
        fault = messages.printer_state_text(view.held_fault) if view.held_fault else ""
        return translate("LookupPage", "The receipt waits for the printer ({fault}). It prints by itself once the "
                                       "printer is ready: do not print it again.").format(fault=fault or "—")
    if paper is PaperStatus.ON_ITS_WAY:
        return translate("LookupPage", "The receipt is being printed now.")
    if paper is not PaperStatus.PRINTED:
        return ""
    text = ""
    if view.printed_at:
        at = time_text(view.printed_at, zone)
        who = view.printed_by or ""
        if who and who != "system":
            text = translate("LookupPage", "Receipt printed at {at}, asked for by {who}.").format(at=at, who=who)
        else:
            text = translate("LookupPage", "Receipt printed at {at}.").format(at=at)
    if view.copies_printed:
        text = (text + " " + translate("LookupPage", "Copies printed since: {n}.").format(
            n=view.copies_printed)).strip()
    return text


def reason_text(view: LookupView) -> str:
    """Why the state is not known now, and what helps (only when it is not)."""
    if view.outcome is not LookupOutcome.UNKNOWN or not view.unknown_reason:
        return ""
    text = translate("LookupPage", "Why: {reason}").format(reason=messages.platform_reason_text(view.unknown_reason))
    hint = messages.platform_hint(view.unknown_reason)
    return f"{text} {hint}" if hint else text


def sync_note_text(view: LookupView) -> str:
    """What the last sync found (or, where the platform is the channel, the last look); the channel's word."""
    text = ""
    state = messages.order_state_text(view.state)
    if view.after_sync and view.channel_is_platform:
        text = translate("LookupPage", "Looked up again: {platform} shows {state}.").format(
            platform=messages.platform_name(view.platform), state=state)
    elif view.after_sync and view.sync_changed:
        text = translate("LookupPage", "Synced: the platform now shows {state}.").format(state=state)
    elif view.after_sync and view.state is not None:
        text = translate("LookupPage", "Synced: the platform still shows {state}.").format(state=state)
    if view.after_sync and view.polls:
        text += " " + translate("LookupPage", "Confirmed {n} times.").format(n=view.polls + 1)
    if view.channel_is_platform and view.order is not None:
        text = (text + "\n" if text else "") + messages.channel_truth_text(view.platform)
    return text


def case_text(view: LookupView, case: CaseRow | None) -> str:
    """The order's case in a few lines: its kind and status, and its latest steps."""
    if case is None:
        return translate("LookupPage", "Case {id}").format(id=view.case_id)
    status = messages.case_status_text(case.status) if case.status == CASE_OPEN or not case.result else (
        translate("LookupPage", "closed: {result}").format(result=messages.case_result_text(case.result)))
    text = translate("LookupPage", "Case {id} · {kind} · {status}").format(
        id=case.case_id, kind=messages.case_kind_text(case.kind), status=status)
    if case.escalation_working_days is not None:
        # Reported for handling earlier: how long the platform has had it.
        text += "  ·  " + translate("LookupPage", "reported {days} working days ago").format(
            days=case.escalation_working_days)
    # In time order (steps taken before the case was opened are written into it with their own times).
    for step in sorted(case.steps, key=lambda step: step.at_local)[-CASE_STEPS_SHOWN:]:
        line = f"{step.at_local[-8:]}  {messages.step_action_text(step.action)}"
        if step.state_seen:
            line += f"  {messages.order_state_text(step.state_seen)}"
        text += "\n  " + line
    return text


class AnswerView(QFrame):
    """The answer's panel. `voucher_answered` carries the cashier's Yes (True) or No (False); the next steps'
    buttons go into `actions_row` (ui.lookup_actions)."""

    voucher_answered = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lookupResult")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)

        self.verdict = self._label("verdictText", layout)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = self._label("verdictReason", layout)
        self.paper_note = self._label("paperNote", layout)
        self.next_note = self._label("nextNote", layout)

        self.voucher_box = QFrame()
        self.voucher_box.setObjectName("voucherBox")
        voucher_row = QHBoxLayout(self.voucher_box)
        voucher_row.setContentsMargins(0, 0, 0, 0)
        self.voucher_question = QLabel()
        self.voucher_question.setObjectName("voucherQuestion")
        self.voucher_yes = QPushButton()
        self.voucher_yes.setObjectName("voucherYes")
        self.voucher_yes.clicked.connect(lambda: self.voucher_answered.emit(True))
        self.voucher_no = QPushButton()
        self.voucher_no.setObjectName("voucherNo")
        self.voucher_no.clicked.connect(lambda: self.voucher_answered.emit(False))
        voucher_row.addWidget(self.voucher_question)
        voucher_row.addWidget(self.voucher_yes)
        voucher_row.addWidget(self.voucher_no)
        voucher_row.addStretch(1)
        layout.addWidget(self.voucher_box)

        self.actions_row = QHBoxLayout()
        self.actions_row.setSpacing(10)
        layout.addLayout(self.actions_row)

        self.sync_note = self._label("syncNote", layout)

        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(24)
        self.facts.setVerticalSpacing(6)
        self.fact_names: dict[str, QLabel] = {}
        self.fact_values: dict[str, QLabel] = {}
        for position, key in enumerate(FACT_KEYS):
            name = QLabel()
            name.setObjectName("factName")
            value = QLabel()
            value.setObjectName(f"fact_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, column = divmod(position, 2)
            self.facts.addWidget(name, row, column * 2)
            self.facts.addWidget(value, row, column * 2 + 1)
            self.fact_names[key] = name
            self.fact_values[key] = value
        self.facts.setColumnStretch(1, 1)
        self.facts.setColumnStretch(3, 1)
        layout.addLayout(self.facts)

        self.case_label = self._label("caseSummary", layout)
        self.case_label.setTextFormat(Qt.TextFormat.PlainText)

    @staticmethod
    def _label(name: str, layout: QVBoxLayout) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        layout.addWidget(label)
        return label

    def show_answer(self, view: LookupView, case: CaseRow | None, zone: tzinfo) -> None:
        """Everything the view says, but the next steps' buttons (ui.lookup_actions)."""
        guidance = view.guidance
        # "Print the receipt" only while the order has had no paper at all: printed from the platform's record
        # (no print.txt of the till's) or on its way is a receipt too; on its way or held is said as such.
        had_paper = view.has_receipt or view.paper is not PaperStatus.NONE
        self.verdict.setText(messages.verdict_text(guidance.verdict, has_receipt=had_paper, paper=view.paper))
        set_style_property(self.verdict, "severity", guidance.severity)
        self.verdict.setToolTip(view.detail or "")
        self._say(self.reason, reason_text(view))
        self.reason.setToolTip(view.detail or "")
        self._say(self.paper_note, paper_note_text(view, zone) if view.may_print else "")
        next_note = ""
        # (the not-charged verdict says it itself)
        if guidance.may_take_payment_again and guidance.verdict is not Verdict.NOT_FOUND_NOT_CHARGED:
            next_note = translate("LookupPage", "This order can no longer be paid: you may take payment again with "
                                                "a new order number.")
        self._say(self.next_note, next_note)
        self.voucher_box.setVisible(asks_voucher(view))
        self._say(self.sync_note, sync_note_text(view))
        self.show_facts(view, zone)
        if view.case_id is None:
            self._say(self.case_label, "")
        else:
            self._say(self.case_label, case_text(view, case))

    @staticmethod
    def _say(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def show_facts(self, view: LookupView | None, zone: tzinfo) -> None:
        """The order's facts (their names alone before the first answer)."""
        names = {
            "state": translate("LookupPage", "Payment state"),
            "amount": translate("LookupPage", "Amount"),
            "channel": translate("LookupPage", "Paid with"),
            "created": translate("LookupPage", "Ordered at"),
            "paid": translate("LookupPage", "Paid at"),
            "out_trade_no": translate("LookupPage", "Merchant order no."),
            "channel_trade_no": translate("LookupPage", "Third-party order no."),
        }
        for key, label in self.fact_names.items():
            label.setText(names[key])
        if view is None:
            return
        values = self.fact_values
        order = view.order
        state_code: str | None = order.state if order is not None else None
        if order is None and view.outcome is LookupOutcome.UNKNOWN:
            state_code = "UNKNOWN"  # not known now: never shown as unpaid
        values["state"].setText(messages.order_state_text(state_code))
        values["state"].setProperty("stateCode", state_code or "")
        set_style_property(values["state"], "severity", messages.order_state_severity(state_code))
        if order is not None:
            amount = format_fen(order.total_amount)
            if order.refund_amount:
                amount += "  " + translate("LookupPage", "(refunded {amount})").format(
                    amount=format_fen(order.refund_amount))
            values["amount"].setText(amount)
            values["channel"].setText(messages.channel_text(order.channel))
            values["created"].setText(time_text(order.created_at, zone))
            values["paid"].setText(time_text(order.paid_at, zone))
            values["out_trade_no"].setText(order.out_trade_no)
            values["channel_trade_no"].setText(order.channel_trade_no or "—")
            return
        merchant = view.out_trade_no or (view.number if view.number_kind is NumberKind.MERCHANT else None)
        for key in ("amount", "channel", "created", "paid"):
            values[key].setText("—")
        values["out_trade_no"].setText(merchant or "—")
        values["channel_trade_no"].setText(view.number if view.number_kind is NumberKind.CHANNEL else "—")

    def retranslate(self) -> None:
        self.voucher_question.setText(translate("LookupPage", "Does the customer's phone show a payment voucher?"))
        self.voucher_yes.setText(translate("LookupPage", "Yes (Y)"))
        self.voucher_no.setText(translate("LookupPage", "No (N)"))
        accessible(self.voucher_yes, translate("LookupPage", "Yes, the customer shows a payment voucher"))
        accessible(self.voucher_no, translate("LookupPage", "No, the customer has no payment voucher"))
        accessible(self.verdict, translate("LookupPage", "The order's state"))
        accessible(self.next_note, translate("LookupPage", "The next step"))
