"""The technician page's view of the app (ui.technician_rows.TechnicianServices): the diagnosis and
the file report of the running configuration, the test page through the print queue, the bundle,
and the sniffer."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path

from cashier_app.app.config import to_dict
from cashier_app.app.services import AppServices
from cashier_app.diagnostics.bundle import BundleOptions, write_bundle
from cashier_app.diagnostics.checks import DiagnosisInputs, run_diagnosis
from cashier_app.diagnostics.file_activity import file_report
from cashier_app.domain.local_time import CLOCK, store_time
from cashier_app.emulator.sniffer import PassThroughPrinter, SniffedJob
from cashier_app.printing.connections import describe_target
from cashier_app.printing.profiles import resolve_profile
from cashier_app.printing.test_page import build_test_page
from cashier_app.ui.setup_rows import Stoppable
from cashier_app.ui.technician_rows import (
    CheckRow,
    DiagnosisRow,
    FilesRow,
    FileVersionRow,
    FolderRow,
    SniffedRow,
    SnifferDefaults,
)

log = logging.getLogger(__name__)

FILE_VERSIONS = 30  # per folder, on the page
SNIFFER_PORT = 9100


class TechnicianAdapter:
    def __init__(self, services: AppServices, actor: Callable[[], str]) -> None:
        self.services = services
        self._actor = actor

    # -- diagnosis -------------------------------------------------------------------------------
    def _inputs(self) -> DiagnosisInputs:
        config, paths = self.services.config, self.services.paths
        return DiagnosisInputs(
            config_file=paths.config_file, config=to_dict(config), watch=config.watch, printing=config.printing,
            platform=config.platform, data_dir=paths.data_dir, log_dir=paths.log_dir,
            journal_file=paths.journal_file, mode=config.general.mode, training=self.services.options.training,
            key_provider=self.services.sandbox_key_provider(), zone=self.services.tz,
        )

    def diagnose(self) -> DiagnosisRow:
        report = run_diagnosis(self._inputs()).report
        checks = tuple(CheckRow(c.id, c.title, c.title_zh, c.outcome.value, c.message, c.summary_zh, c.hint,
                                c.hint_zh) for c in report.checks)
        return DiagnosisRow(store_time(report.created_at, self.services.tz, CLOCK), report.outcome.value, checks)

    def write_bundle(self, path: str) -> int:
        inputs = self._inputs()
        members = write_bundle(Path(path), run_diagnosis(inputs), inputs, BundleOptions())
        log.info("diagnostic bundle written to %s (%d files)", path, len(members))
        return len(members)

    # -- files ---------------------------------------------------------------------------------
    def file_activity(self) -> FilesRow:
        report = file_report(self.services.config.watch, self.services.paths.journal_file, zone=self.services.tz,
                             last=FILE_VERSIONS)
        en, zh = report.headline()
        folders = tuple(FolderRow(f.folder, f.exists, f.readable, f.problem or "") for f in report.folders)
        versions = sorted(((f.folder, v) for f in report.folders for v in f.versions), key=lambda fv: -fv[1].id)
        rows = tuple(FileVersionRow(folder, v.name, v.written_at, v.outcome, v.template, v.encoding, v.out_trade_no,
                                    v.refusal_reason, v.describe()) for folder, v in versions)
        return FilesRow(en, zh, folders, rows)

    # -- printing ------------------------------------------------------------------------------
    def printer_names(self) -> list[str]:
        return list(self.services.config.printing.printers)

    def print_test_page(self, printer: str) -> int:
        queue = self.services.queue
        printing = self.services.config.printing
        page = build_test_page(printer, printing, describe_target(printing.printers[printer]), self.services.tz)
        return queue.enqueue(None, printer=printer, payload=page.payload, reason="test page",
                             requested_by=self._actor())

    # -- sniffer -------------------------------------------------------------------------------
    def sniffer_defaults(self) -> SnifferDefaults:
        printing = self.services.config.printing
        printer = printing.printers.get(printing.default_printer)
        upstream = f"{printer.host}:{printer.port}" if printer is not None and printer.kind == "network" else ""
        return SnifferDefaults("127.0.0.1", SNIFFER_PORT, upstream)

    def start_sniffer(self, listen_host: str, listen_port: int, upstream: str,
                      on_job: Callable[[SniffedRow], None]) -> Stoppable:
        host, _, port_text = upstream.strip().rpartition(":")
        if not host or not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
            raise ValueError(f"{upstream!r}: give the real printer as HOST:PORT, e.g. 192.168.1.50:9100")
        printing = self.services.config.printing
        printer = printing.printers.get(printing.default_printer)
        profile = resolve_profile(printing, printer.profile) if printer is not None else None
        out_dir = self.services.paths.data_dir / "sniffed" / datetime.now().strftime("%Y%m%d-%H%M%S")

        def relay(job: SniffedJob) -> None:
            on_job(sniffed_row(job, self.services.tz))

        sniffer = PassThroughPrinter((host, int(port_text)), listen_host, listen_port, out_dir,
                                     charset=profile.charset if profile else "gbk",
                                     dots=profile.dots if profile else 384, on_job=relay)
        sniffer.start()
        return sniffer


def sniffed_row(job: SniffedJob, zone: tzinfo) -> SniffedRow:
    png = job.png_path.read_bytes() if job.png_path is not None and job.png_path.exists() else None
    return SniffedRow(
        number=job.number, at=store_time(job.received_at, zone, CLOCK), peer=job.peer,
        upstream=job.upstream, size=len(job.raw), replies=len(job.replies), forwarded=job.forwarded,
        error=job.error, text=job.text(), flags=tuple(f.describe() for f in job.decoded.flags), png=png,
    )
