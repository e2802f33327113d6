"""The status bar: printer and platform state in words and colour, open cases, operator, short notices."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from cashier_app.ui import messages, theme
from cashier_app.ui.appearance import styled
from cashier_app.ui.rows import PRINTER_OK, PlatformStatusRow, PrinterStatusRow

translate = QCoreApplication.translate

NOTICE_TIMEOUT_MS = 15_000


class StatusPill(QLabel):
    """A label coloured by severity; the severity is also a property (for tests and style sheets)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.set_severity(theme.INFO)

    def set_severity(self, severity: str) -> None:
        self.setProperty("severity", severity)
        foreground = theme.FOREGROUND.get(severity, theme.NEUTRAL_FOREGROUND)
        background = theme.BACKGROUND.get(severity, "transparent")
        # Set on the widget itself so the colours hold with or without the application style sheet.
        styled(self,
            f"QLabel {{ color: {foreground}; background: {background}; border-radius: 6px;"
            " padding: 4px 12px; font-weight: bold; }"
        )

    def severity(self) -> str:
        return str(self.property("severity"))


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainStatusBar")
        self.setSizeGripEnabled(False)
        self.printer_label = StatusPill("printerStatus", self)
        self.platform_label = StatusPill("platformStatus", self)
        self.cases_label = QLabel(self)
        self.cases_label.setObjectName("openCases")
        self.operator_label = QLabel(self)
        self.operator_label.setObjectName("operatorLabel")
        for widget in (self.printer_label, self.platform_label, self.cases_label, self.operator_label):
            self.addPermanentWidget(widget)
        self._printers: dict[str, PrinterStatusRow] = {}
        self._platform = PlatformStatusRow(reachable=None)
        self._open_cases: int | None = None
        self._operator = ""
        self._signed_in = False  # sign-in on: the label names the person signed in
        self.retranslate()

    # --- state ---------------------------------------------------------------------------------
    def set_printer_names(self, names: list[str]) -> None:
        """Printers the app has, before any status came in: shown as "unknown" until they report."""
        for name in names:
            self._printers.setdefault(name, PrinterStatusRow(name, "unknown"))
        self._render_printer()

    def set_printer_status(self, row: PrinterStatusRow) -> None:
        self._printers[row.printer] = row
        self._render_printer()

    def set_platform_status(self, row: PlatformStatusRow) -> None:
        self._platform = row
        self._render_platform()

    def set_open_cases(self, count: int | None) -> None:
        """Open exception cases (None: not known yet; the cases page fills it in)."""
        self._open_cases = count
        self._render_cases()

    def set_operator(self, operator: str) -> None:
        self._operator = operator
        self._render_operator()

    def set_person(self, person: str | None) -> None:
        """With sign-in on: who is signed in ("07 王芳 · Cashier"), or None while nobody is."""
        self._signed_in = True
        self._operator = person or ""
        self._render_operator()

    def show_notice(self, text: str, severity: str = theme.INFO, timeout_ms: int = NOTICE_TIMEOUT_MS) -> None:
        colour = theme.FOREGROUND.get(severity, theme.NEUTRAL_FOREGROUND)
        styled(self, f"QStatusBar {{ color: {colour}; }}")
        self.showMessage(text, timeout_ms)

    # --- what the window needs for the tray and the window icon ---------------------------------
    def printer_severity(self) -> str:
        if not self._printers:
            return theme.ATTENTION
        return theme.worst(*(messages.printer_state(row.state).severity for row in self._printers.values()))

    def platform_severity(self) -> str:
        severity = messages.platform_message(self._platform).severity
        return theme.OK if severity == theme.INFO else severity  # "not configured" is no alarm

    def printer_text(self) -> str:
        return self.printer_label.text()

    def platform_text(self) -> str:
        return self.platform_label.text()

    # --- rendering -----------------------------------------------------------------------------
    def _worst_printer(self) -> PrinterStatusRow:
        if not self._printers:
            return PrinterStatusRow("", "unknown")
        rank = {theme.OK: 0, theme.INFO: 1, theme.ATTENTION: 2, theme.FAULT: 3}
        return max(self._printers.values(), key=lambda row: rank[messages.printer_state(row.state).severity])

    def _render_printer(self) -> None:
        worst = self._worst_printer()
        several = len(self._printers) > 1 and worst.state != PRINTER_OK
        self.printer_label.setText(messages.printer_text(worst, with_name=several))
        self.printer_label.set_severity(self.printer_severity())
        lines = []
        for row in self._printers.values():
            line = f"{row.printer}: {messages.printer_text(row)}"
            hint = messages.printer_hint(row.state)
            if hint:
                line += f"\n  {hint}"
            if row.detail:
                line += f"\n  ({row.detail})"
            lines.append(line)
        self.printer_label.setToolTip("\n".join(lines))

    def _render_platform(self) -> None:
        row = self._platform
        self.platform_label.setText(messages.platform_text(row))
        self.platform_label.set_severity(messages.platform_message(row).severity)
        tooltip = [translate("StatusBar", "Merchant platform")]
        hint = messages.platform_hint(row.reason)
        if hint:
            tooltip.append(hint)
        if row.detail:
            tooltip.append(f"({row.detail})")
        self.platform_label.setToolTip("\n".join(tooltip))

    def _render_cases(self) -> None:
        count = "—" if self._open_cases is None else str(self._open_cases)
        self.cases_label.setText(translate("StatusBar", "Open cases: {count}").format(count=count))

    def _render_operator(self) -> None:
        if self._signed_in:
            text = (translate("StatusBar", "Signed in: {person} (F12: switch)") if self._operator
                    else translate("StatusBar", "Nobody signed in"))
            self.operator_label.setText(text.format(person=self._operator))
            return
        text = translate("StatusBar", "Cashier: {operator}")
        self.operator_label.setText(text.format(operator=self._operator or "—"))

    def retranslate(self) -> None:
        self._render_printer()
        self._render_platform()
        self._render_cases()
        self._render_operator()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
