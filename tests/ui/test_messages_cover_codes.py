"""Every code the services hand the window has its words in ui/messages.py (and so in zh_CN).

A value added to an enum (an order state, a verdict, a case cause, an audit action ...) or a new
error code raised towards the window must get its message in the same change: otherwise the cashier
reads "Unknown (print)" or "The action failed: ...". Each check names what is missing.
The zh_CN side: every table checked here feeds messages.all_sources(), which test_translations.py
holds to a finished Chinese translation.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections.abc import Iterable, Mapping
from enum import Enum

import pytest

import cashier_app
from cashier_app.diagnostics.outcomes import Outcome
from cashier_app.domain import printer_faults
from cashier_app.domain.access import ProtectedAction, Role
from cashier_app.domain.audit import AuditAction
from cashier_app.domain.capabilities import PlatformKind
from cashier_app.domain.cases import DEFAULT_CAUSE, CaseKind, CaseResult, CaseStatus, StepAction
from cashier_app.domain.errors import CodedError
from cashier_app.domain.guidance import Action, Verdict, Voucher
from cashier_app.domain.order_numbers import NumberKind
from cashier_app.domain.orders import OrderState
from cashier_app.domain.paper import PaperStatus, Refusal
from cashier_app.domain.receipt import Channel, ReceiptKind, RefusalReason
from cashier_app.domain.receipt_templates import KNOWN_TEMPLATES
from cashier_app.domain.training import Check
from cashier_app.journal import print_jobs, receipt_print_state
from cashier_app.paper import desk
from cashier_app.platform.results import UnknownReason
from cashier_app.printing import faults
from cashier_app.printing.settings import PRINTER_KINDS
from cashier_app.printing.status import STATE_FAULT_CODE, PrinterState
from cashier_app.ui import help_page, messages
from cashier_app.ui.setup_platform_page import platform_kind_name
from cashier_app.ui.setup_printer_page import _kind_text, kind_name
from tests.helpers.paths import REPO


def _values(kind: type[Enum] | Iterable[object]) -> set[str]:
    return {str(member.value if isinstance(member, Enum) else member) for member in kind}


def _missing(codes: Iterable[str], table: Mapping[str, object]) -> list[str]:
    return sorted(set(codes) - set(table))


# (what the codes are, their values, the table of messages.py that words them)
WORDED: list[tuple[str, set[str], Mapping[str, object]]] = [
    ("OrderState", _values(OrderState), messages.ORDER_STATES),
    ("OrderState severity", _values(OrderState), messages.ORDER_STATE_SEVERITY),
    ("Verdict", _values(Verdict), messages.VERDICTS),
    ("Action", _values(Action), messages.ACTIONS),
    ("NumberKind", _values(NumberKind), messages.NUMBER_KINDS),
    ("Voucher (a step's outcome)", {f"voucher:{v}" for v in _values(Voucher)}, messages.STEP_OUTCOMES),
    ("PaperStatus of a paid order on its way or held",
     _values(PaperStatus) - {PaperStatus.NONE.value, PaperStatus.PRINTED.value}, messages.PAPER_VERDICTS),
    ("CaseKind", _values(CaseKind), messages.CASE_KINDS),
    ("CaseKind's default cause", _values(DEFAULT_CAUSE), messages.CASE_CAUSES),
    ("CaseStatus", _values(CaseStatus), messages.CASE_STATUSES),
    ("CaseResult", _values(CaseResult), messages.CASE_RESULTS),
    ("StepAction", _values(StepAction), messages.STEP_ACTIONS),
    ("Role", _values(Role), messages.ROLES),
    ("ProtectedAction", _values(ProtectedAction), messages.PROTECTED_ACTIONS),
    ("AuditAction", _values(AuditAction), messages.AUDIT_ACTIONS),
    ("training Check", _values(Check), messages.TRAINING_CHECKS),
    ("RefusalReason", _values(RefusalReason), messages.REFUSALS),
    ("Channel", _values(Channel), messages.CHANNELS),
    ("ReceiptKind", _values(ReceiptKind), messages.KINDS),
    ("PlatformKind", _values(PlatformKind), messages.PLATFORM_NAMES),
    ("UnknownReason", _values(UnknownReason), messages.PLATFORM_REASONS),
    ("diagnosis Outcome", _values(Outcome), messages.DIAGNOSIS_OUTCOMES),
    ("receipt template", set(KNOWN_TEMPLATES.values()), messages.TEMPLATES),
    ("a receipt's print state", {v for k, v in vars(receipt_print_state).items() if k.isupper() and
                                  isinstance(v, str)}, messages.PRINTED),
    ("print job state", set(print_jobs.STATES), messages.JOB_STATES),
    ("paper desk refusal (paper_ + code)",
     {f"paper_{v}" for v in _values(Refusal)} | {f"paper_{desk.NOT_PAID}", f"paper_{desk.NO_SUCH_RECEIPT}",
                                                 f"paper_{desk.NOT_CONFIGURED}"}, messages.DESK_ERRORS),
]


@pytest.mark.parametrize(("what", "codes", "table"), WORDED, ids=[what for what, _, _ in WORDED])
def test_every_value_has_its_message(what: str, codes: set[str], table: Mapping[str, object]) -> None:
    assert codes, f"{what}: no values found (the check would pass on nothing)"
    assert _missing(codes, table) == [], f"{what} values without words in ui/messages.py"


def _printer_codes() -> set[str]:
    """Every printer fault code (printing/faults.py) and every state a printer reports, as the window gets it."""
    constants = {v for k, v in vars(faults).items() if k.isupper() and isinstance(v, str)}
    reported = {STATE_FAULT_CODE.get(state, state.value) for state in PrinterState}
    return (constants | reported) - {PrinterState.READY.value}


def test_every_printer_fault_has_its_message() -> None:
    """Printer faults are worded once for every screen, in both languages, in domain/printer_faults.py."""
    codes = _printer_codes()
    assert len(codes) > 10
    assert _missing(codes, printer_faults.WORDS) == []
    for code in codes:
        words = printer_faults.WORDS[code]
        assert re.search(r"[\u4e00-\u9fff]", words.zh) and words.en, code
        assert bool(words.hint_zh) == bool(words.hint_en), code


def _coded_error_classes() -> dict[str, type[CodedError]]:
    for module in pkgutil.walk_packages(cashier_app.__path__, "cashier_app."):
        if not module.name.startswith(("cashier_app.sandbox", "cashier_app.emulator")) and \
                module.name != "cashier_app.__main__":
            importlib.import_module(module.name)
    found: dict[str, type[CodedError]] = {}
    pending: list[type[CodedError]] = [CodedError]
    while pending:
        cls = pending.pop()
        found[cls.__name__] = cls
        pending.extend(cls.__subclasses__())
    return found


# Errors the window never words by their own code.
NOT_WORDED_BY_CODE = {
    # The command line says these (its own English text): a store's receipt template or printer profile.
    "OrderReceiptError",
    "ProfileError",
    # The adapters hand it to the window as ServiceError("paper_" + code): checked with the tables above.
    "PaperRefused",
}
# The command line's own errors (app/commands/): said in the terminal, never in the window.
COMMAND_LINE = ("cashier_app", "app", "commands")


def _constant(node: ast.expr, module: object) -> object:
    """A literal, a module constant (NOT_PAID) or a constant of an imported module (faults.NOT_CONNECTED)."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return getattr(module, node.id, None)
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return getattr(getattr(module, node.value.id, None), node.attr, None)
    return None


def _raised_codes(classes: Mapping[str, type[CodedError]]) -> dict[str, set[str]]:
    """code -> where: the first argument of every `SomeCodedError("code", ...)` in the product code (a literal,
    or a module constant), and the code a subclass names once in its own __init__."""
    raised: dict[str, set[str]] = {}
    for path in sorted((REPO / "cashier_app").rglob("*.py")):
        relative = path.relative_to(REPO)
        if relative.parts[1] in ("sandbox", "emulator") or path.name == "__main__.py" or \
                relative.parts[:3] == COMMAND_LINE:
            continue
        module = importlib.import_module(".".join(relative.with_suffix("").parts).removesuffix(".__init__"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name not in classes and name != "__init__":
                continue
            if name == "__init__" and not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call)):
                continue  # super().__init__("code", ...) only
            if name in NOT_WORDED_BY_CODE:
                continue
            code = _constant(node.args[0], module)
            if isinstance(code, str) and code.isidentifier():
                raised.setdefault(code, set()).add(f"{relative}:{node.lineno}")
    return raised


def test_every_error_code_raised_towards_the_window_has_its_message() -> None:
    classes = _coded_error_classes()
    assert {"PaperRefused", "DeskError", "ServiceError", "AccessError", "PrinterFault"} <= set(classes)
    raised = _raised_codes(classes)
    assert {"case_not_found", "no_shift", "receipt_not_found"} <= set(raised)  # the scan sees literals ...
    assert faults.NOT_CONNECTED in raised  # ... and module constants
    unknown = messages.error_text(CodedError("no-such-code-anywhere"))
    missing = {code: sorted(where) for code, where in raised.items()
               if messages.error_text(CodedError(code)) == unknown.replace("no-such-code-anywhere", code)}
    assert missing == {}


def test_every_table_checked_here_is_translated() -> None:
    """What test_translations.py holds to a Chinese translation covers every table above."""
    sources = set(messages.all_sources())
    for what, _codes, table in WORDED:
        for value in table.values():
            texts = value if isinstance(value, tuple) else (value,)
            for text in texts:
                source = text.source if isinstance(text, messages.Message) else text
                if source in (messages.OK, messages.ATTENTION, messages.FAULT, messages.INFO):
                    continue  # ORDER_STATE_SEVERITY: severities, not words
                assert source in sources, f"{what}: {source!r} is not in messages.all_sources()"



def test_every_printer_and_platform_kind_is_named_where_the_window_names_it() -> None:
    """The configuration's kinds are worded by the pages that offer them (the setup wizard, the help page):
    a kind added to the configuration without its words there shows as its bare config word."""
    unnamed = [f"printer {kind}" for kind in PRINTER_KINDS
               if help_page._printer_kind(kind) == kind or kind_name(kind).startswith(f"{kind} ")
               or _kind_text(kind) == kind]
    unnamed += [f"platform {kind}" for kind in _values(PlatformKind) if platform_kind_name(kind) == kind]
    assert unnamed == []


def _step_outcomes_written() -> dict[str, set[str]]:
    """outcome -> where: every `outcome="..."` a part writes into a case's steps (f-strings by their constant
    head, e.g. "not_printed:"), outside the command line's own output."""
    written: dict[str, set[str]] = {}
    for path in sorted((REPO / "cashier_app").rglob("*.py")):
        relative = path.relative_to(REPO)
        if relative.parts[1] in ("sandbox", "emulator") or relative.parts[:3] == COMMAND_LINE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            for keyword in node.keywords:
                value = keyword.value
                if keyword.arg != "outcome":
                    continue
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    written.setdefault(value.value, set()).add(f"{relative}:{node.lineno}")
                elif isinstance(value, ast.JoinedStr) and value.values and isinstance(value.values[0], ast.Constant):
                    head = str(value.values[0].value)
                    written.setdefault(head + "…", set()).add(f"{relative}:{node.lineno}")
    return written


def test_every_step_outcome_written_into_a_case_has_its_words() -> None:
    """A case's timeline says each step's outcome in words; an outcome without them shows as its code."""
    written = _step_outcomes_written()
    assert {"closed", "escalated", "job …"} <= set(written)  # the scan sees literals and f-strings
    # What the f-strings and the findings fill in.
    samples = {"not_printed:…": [f"not_printed:{v}" for v in _values(Refusal)],
               "job …": ["job 12 queued"], "state_unknown:…": ["state_unknown:timeout"]}
    outcomes = [sample for outcome in written for sample in samples.get(outcome, [outcome])]
    outcomes += sorted(_values(CaseKind))  # reconciliation notes its finding by the case's kind
    # (A refusal's own words, after "not_printed:", are held by the paper desk refusals' row above.)
    unworded = sorted(o for o in outcomes if messages.step_outcome_code_text(o) in (o, ""))
    assert unworded == [], {o: sorted(written.get(o, ())) for o in unworded}
