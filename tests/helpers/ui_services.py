"""UiServices over plain lists (the window's own seam), and rows to fill them with."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cashier_app.ui.rows import CaseQuery, CaseRow, JobRow, ReceiptRow, StoreInfo


class ServiceError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class ListServices:
    """UiServices over lists; records what the window asked for."""

    receipts: list[ReceiptRow] = field(default_factory=list)
    held: list[JobRow] = field(default_factory=list)
    printers: list[str] = field(default_factory=lambda: ["前台"])
    operator_name: str = "01 王芳"
    reprints: list[tuple[int, str]] = field(default_factory=list)
    retried: list[int] = field(default_factory=list)
    cancelled: list[tuple[int, str]] = field(default_factory=list)
    moved: list[tuple[int, str]] = field(default_factory=list)
    fail_with: Exception | None = None

    def receipts_today(self) -> list[ReceiptRow]:
        return list(self.receipts)

    def reprint(self, receipt_id: int, reason: str) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.reprints.append((receipt_id, reason))

    def retry_job(self, job_id: int) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.retried.append(job_id)

    def cancel_job(self, job_id: int, reason: str) -> None:
        self.cancelled.append((job_id, reason))

    def move_job(self, job_id: int, printer: str) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.moved.append((job_id, printer))

    def held_jobs(self) -> list[JobRow]:
        return list(self.held)

    def operator(self) -> str:
        return self.operator_name

    def printer_names(self) -> list[str]:
        return list(self.printers)

    # Cases, store, lookup: the window's start state asks for these; pages over real services test them.
    open_cases: int = 0
    training_mode: bool = False

    def open_case_count(self) -> int:
        return self.open_cases

    def cases(self, query: CaseQuery) -> list[CaseRow]:
        return []

    def case(self, case_id: int) -> CaseRow | None:
        return None

    def close_case(self, case_id: int, result: str, note: str) -> CaseRow:
        raise ServiceError("case_not_found", f"no case {case_id}")

    def cases_csv(self, query: CaseQuery) -> bytes:
        return "\ufeff".encode()

    def add_case_note(self, case_id: int, note: str) -> CaseRow:
        raise ServiceError("case_not_found", f"no case {case_id}")

    def set_case_contact(self, case_id: int, contact: str) -> CaseRow:
        raise ServiceError("case_not_found", f"no case {case_id}")

    def escalate_case(self, case_id: int, note: str) -> CaseRow:
        raise ServiceError("case_not_found", f"no case {case_id}")

    def case_to_lesson(self, case_id: int) -> str:
        raise ServiceError("case_not_found", f"no case {case_id}")

    def case_counts(self, day: str) -> dict[str, int]:
        return {}

    def today(self) -> str:
        return "2024-06-11"

    def store_info(self) -> StoreInfo:
        return StoreInfo("测试门店", self.operator_name, "print", "前台", "network", "pay.example.com")

    def training(self) -> bool:
        return self.training_mode

    # The training step now (the params of its notice), as the app's director would report it.
    current_step: dict[str, Any] | None = None

    def training_step(self) -> dict[str, Any] | None:
        return self.current_step

    # What the trainee asked for (the real director is tested on live services in tests/app/test_training.py).
    finished: list[dict[str, Any]] = field(default_factory=list)
    papers_loaded: int = 0

    def training_finish(self) -> dict[str, Any] | None:
        if self.current_step is None:
            return None
        feedback = {"step": self.current_step["step"], "of": self.current_step["of"], "score": 50,
                    "title": "掉单", "title_en": "Dropped order",
                    "checks": [{"check": "looked_up", "passed": True}, {"check": "synced_first", "passed": False}],
                    "replay": []}
        self.finished.append(feedback)
        return feedback

    def training_load_paper(self) -> bool:
        self.papers_loaded += 1
        return True

    def training_report_csv(self, trainee: str | None) -> bytes:
        return "\ufeff".encode()

    def lookup_service(self) -> None:
        return None

    # The manager's desk (the real AppDeskServices over a journal: tests/ui/test_history_page.py and others).
    desk_services: Any = None

    def desk(self) -> Any:
        return self.desk_services

    # The key dialog's services (the real PlatformCredentials is tested in test_credentials_dialog.py).
    credentials: Any = None

    def credential_services(self) -> Any:
        return self.credentials

    # The setup wizard's services (the real SetupAdapter is tested in test_setup_wizard.py).
    setup: Any = None

    # The display settings saved from Settings → Display… (the real writer: test_display.py).
    display_saved: list[tuple[int, str]] = field(default_factory=list)

    def save_display(self, font_size: int, theme: str) -> None:
        self.display_saved.append((font_size, theme))

    # The technician page's services (the real TechnicianAdapter is tested in test_technician_page.py).
    technician: Any = None

    def technician_services(self) -> Any:
        return self.technician

    def setup_services(self) -> Any:
        return self.setup

    # Sign-in and the manager's approval (the real AppAccessServices over a journal: tests/ui/test_sign_in.py).
    access_services: Any = None

    def access(self) -> Any:
        return self.access_services


def receipt(receipt_id: int, time: str, amount: int | None = 1250, **changes: object) -> ReceiptRow:
    values: dict[str, object] = {
        "receipt_id": receipt_id,
        "seen_at_local": time,
        "out_trade_no": f"202406111532{receipt_id:08d}",
        "amount_fen": amount,
        "channel": "WECHAT",
        "kind": "SALE",
        "printed": "printed",
        "template": "wechat-default",
        "encoding": "gb18030",
    }
    values.update(changes)
    return ReceiptRow(**values)  # type: ignore[arg-type]


def held_job(job_id: int, receipt_id: int, reason: str = "paper_end") -> JobRow:
    return JobRow(job_id, receipt_id, "前台", "held", out_trade_no=f"202406111532{receipt_id:08d}", amount_fen=990,
                  reason=reason, detail="paper end sensor")
