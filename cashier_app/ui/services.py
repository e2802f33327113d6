"""What the window may ask of the app. No Qt here: the app implements it over the real services.

Every method is called on the GUI thread and must return quickly: reprint/retry/cancel/move only write the
request down (the print queue does the work on its own thread and reports back through the bridge).
Failures are raised as exceptions with a `code` attribute (a machine word, see ui.messages) and an
English message; the window shows the code's text to the cashier.

The one exception is `lookup_service()`: its methods call the merchant platform and block, so the
lookup page calls them on a worker thread (ui.background) and never on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from cashier_app.ui.rows import AuditQuery, AuditRow, CaseQuery, CaseRow, JobRow, PersonRow, ReceiptRow, StoreInfo

if TYPE_CHECKING:  # the dialog module is Qt; this one stays free of it
    from cashier_app.ui.credentials_dialog import CredentialServices
    from cashier_app.ui.desk_services import DeskServices
    from cashier_app.ui.lookup_services import LookupServices
    from cashier_app.ui.setup_rows import SetupServices
    from cashier_app.ui.technician_rows import TechnicianServices


@runtime_checkable
class UiServices(Protocol):
    def receipts_today(self) -> list[ReceiptRow]:
        """Today's receipts (local day), in any order; the window shows the newest first."""
        ...

    def reprint(self, receipt_id: int, reason: str) -> None:
        """Queue a copy of the receipt, marked as a reprint, with the operator's reason."""
        ...

    def retry_job(self, job_id: int) -> None:
        """Try a held job again now (the queue also retries by itself when the printer recovers)."""
        ...

    def cancel_job(self, job_id: int, reason: str) -> None:
        """Cancel a queued or held job; the reason goes into the journal."""
        ...

    def move_job(self, job_id: int, printer: str) -> None:
        """Send a queued or held job to another configured printer (one of printer_names())."""
        ...

    def held_jobs(self) -> list[JobRow]:
        """Jobs waiting because the printer cannot take them now."""
        ...

    def operator(self) -> str:
        """The operator (cashier) number or name shown in the status bar and written with each action."""
        ...

    def printer_names(self) -> list[str]:
        """Configured printers, in configuration order."""
        ...

    # --- exception cases (the manager's page, the status bar, the tray) -------------------------
    def open_case_count(self) -> int:
        """Open exception cases (of this mode: training cases in training mode only)."""
        ...

    def cases(self, query: CaseQuery) -> list[CaseRow]:
        """Cases matching the query, open ones first, newest first; without their steps."""
        ...

    def case(self, case_id: int) -> CaseRow | None:
        """One case with its timeline (steps)."""
        ...

    def close_case(self, case_id: int, result: str, note: str) -> CaseRow:
        """Close an open case with a CaseResult value and the manager's note; returns it closed."""
        ...

    def cases_csv(self, query: CaseQuery) -> bytes:
        """The listed cases (with their steps) as CSV, UTF-8 with a BOM (Excel on Chinese Windows), in the
        window's language, store times, contacts masked."""
        ...

    def add_case_note(self, case_id: int, note: str) -> CaseRow:
        """A note on the case's timeline, written by the person signed in; returns the case with its steps."""
        ...

    def set_case_contact(self, case_id: int, contact: str) -> CaseRow:
        """How to reach the customer ("" forgets it); returns the case with its steps."""
        ...

    def escalate_case(self, case_id: int, note: str) -> CaseRow:
        """Report the case for handling: it stays open and ages until it is closed."""
        ...

    def case_to_lesson(self, case_id: int) -> str:
        """Replay a closed case as a training lesson (anonymised); returns the lesson's title. Code
        case_not_replayable for an open case."""
        ...

    def case_counts(self, day: str) -> dict[str, int]:
        """Cases opened on a local day (ISO date), per CaseKind value."""
        ...

    def today(self) -> str:
        """The store's local date today (ISO), for the day picker's default."""
        ...

    # --- the store, the mode ----------------------------------------------------------------
    def store_info(self) -> StoreInfo:
        """This store's setup, for the help page and the window title."""
        ...

    def training(self) -> bool:
        """True when the app runs in training mode (--training): nothing touches real orders."""
        ...

    def training_step(self) -> dict[str, Any] | None:
        """In training mode, the step being practised now: the params of its "training_step" notice
        (step, of, case, out_trade_no, lesson, lesson_en, at); None before the first step or outside training.
        Later steps come as notices through the bridge."""
        ...

    def training_finish(self) -> dict[str, Any] | None:
        """The trainee says the lesson is done: it is checked and the next one staged. Returns the feedback
        (step, of, title, title_en, score, checks [{check, passed}], replay), None outside a lesson."""
        ...

    def training_load_paper(self) -> bool:
        """The trainee put paper back in (paper-out lessons); False when no lesson wants it."""
        ...

    def training_report_csv(self, trainee: str | None) -> bytes:
        """The per-trainee report (every trainee's when None), CSV in the window's language."""
        ...

    # --- the technician's settings ------------------------------------------------------------
    def credential_services(self) -> CredentialServices | None:
        """The platform key's store and check (ui.credentials_dialog.CredentialServices), or None when this
        app has no platform to set a key for. Its check_key() blocks on HTTP: the dialog runs it on a worker."""
        ...

    def save_display(self, font_size: int, theme: str) -> None:
        """Keep the till's text size and theme in the configuration file (the old file kept as a backup).
        Protected (change_settings); raises with a `code` when it cannot be written."""
        ...

    def technician_services(self) -> TechnicianServices | None:
        """The technician page's diagnosis, file report, test page, bundle and sniffer (ui.technician_rows), or
        None when this app has none. Its blocking calls are run on workers by the page."""
        ...

    def setup_services(self) -> SetupServices | None:
        """The setup wizard's view of the configuration file, printers, till folder and platform (ui.setup_rows),
        or None when there is nothing to set up. Its blocking calls are run on workers by the wizard."""
        ...

    def desk(self) -> DeskServices | None:
        """The manager's desk: receipt history, pictures, reports, backups (None: not available)."""
        ...

    def lookup_service(self) -> LookupServices | None:
        """The order lookup (ui.lookup_services), or None when it is not available.

        Its methods block on HTTP: call them from a worker thread only.
        """
        ...

    # --- people, sign-in, manager's approval, the audit trail -------------------------------------
    def access(self) -> AccessServices | None:
        """Sign-in, the manager's approval of protected actions, people and the audit trail; None when this app
        has none of it (every action is then allowed)."""
        ...


class AccessServices(Protocol):
    """Who is at the till and what they may do. Actions are cashier_app.domain.access.ProtectedAction values
    (reprint, cancel_job, move_job, close_order, close_case, change_settings, change_key, manage_people,
    view_audit, technician_tools). Failures raise exceptions with a `code` (see ui.messages) and, for a
    lockout, `params` {"until": ...}."""

    def sign_in_required(self) -> bool:
        """True when people sign in at this till ([signin] enabled); False on a one-person till."""
        ...

    def current_person(self) -> PersonRow | None:
        ...

    def needs_first_manager(self) -> bool:
        """Sign-in is on and there is no manager yet: the sign-in screen offers to add the first one."""
        ...

    def add_first_manager(self, number: str, name: str, pin: str) -> PersonRow:
        """Add the store's first manager and sign them in (refused once a manager exists)."""
        ...

    def sign_in(self, number: str, pin: str) -> PersonRow:
        """Codes: unknown_or_wrong_pin, locked (params["until"]), disabled."""
        ...

    def pin_needed(self) -> bool:
        """False when people sign in by number alone (training on a store with nobody added yet)."""
        ...

    def sign_out(self, why: str) -> None:
        """why: "switch" (quick switch), "idle", "quit" or "" (asked)."""
        ...

    def idle_sign_out_s(self) -> float:
        """Seconds without a key press or click before the person is signed out (0: never)."""
        ...

    def decide(self, action: str) -> str:
        """ui.rows.ALLOWED, NEEDS_MANAGER_PIN or NEEDS_SIGN_IN for the person signed in now."""
        ...

    def approve(self, action: str, number: str, pin: str) -> PersonRow:
        """A manager's number and PIN allow the next `action` (within two minutes). Codes as sign_in, and
        not_a_manager."""
        ...

    # The manager's page (each call is protected by manage_people).
    def people(self) -> list[PersonRow]:
        ...

    def add_person(self, number: str, name: str, role: str, pin: str) -> PersonRow:
        """Codes: person_exists, invalid_number, invalid_name, pin_not_digits, pin_too_short, pin_too_long,
        pin_too_simple."""
        ...

    def set_person_disabled(self, number: str, disabled: bool) -> PersonRow:
        """Code last_manager when it would leave the store without a manager."""
        ...

    def set_pin(self, number: str, pin: str) -> PersonRow:
        ...

    def change_own_pin(self, old_pin: str, new_pin: str) -> PersonRow:
        """The person signed in changes their own PIN (no manager needed)."""
        ...

    # The audit page (protected by view_audit).
    def audit(self, query: AuditQuery) -> list[AuditRow]:
        """Newest first."""
        ...

    def audit_csv(self, query: AuditQuery) -> bytes:
        """The listed rows as CSV, UTF-8 with a BOM, in the window's language."""
        ...
