"""The wizard's till-folder step: choose the folder(s) the till writes print.txt into, then watch
them live while the technician makes a test payment.

"print.txt written 10:42:05 by template WeChat default (order 202611220001)" the moment the till
writes; after `watch_silence_s` without a write, which folders were looked at, what is in them
now, and what to check.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible, plain
from cashier_app.ui.setup_page import SetupPage, problem_style
from cashier_app.ui.setup_rows import FolderLook, SetupDraft, SetupServices, Stoppable, WriteSeen

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class _SeenRelay(QObject):
    """Emitted from the watcher's thread; Qt queues the call to the GUI thread."""

    seen = Signal(object)  # WriteSeen


def seen_text(seen: WriteSeen) -> str:
    name = messages.file_name(seen.path)
    if seen.refused:
        return translate("SetupWizard", "{name} written {time}, but it is no receipt: {reason}").format(
            name=name, time=seen.written_at, reason=messages.refusal_text(seen.refused))
    order = seen.out_trade_no or translate("SetupWizard", "no order number found")
    return translate("SetupWizard", "{name} written {time} by template {template} (order {order})").format(
        name=name, time=seen.written_at, template=messages.template_text(seen.template), order=order)


def silence_text(looks: list[FolderLook], seconds: float, patterns: list[str]) -> str:
    lines = [translate("SetupWizard", "Nothing was written in {seconds} s. Looked at:").format(seconds=f"{seconds:g}")]
    for look in looks:
        if not look.exists:
            state = translate("SetupWizard", "does not exist")
        elif not look.readable:
            state = translate("SetupWizard", "cannot be read")
        elif look.matching:
            state = translate("SetupWizard", "holds {files} (no new write)").format(files=", ".join(look.matching))
        else:
            state = translate("SetupWizard", "holds no file named {patterns}").format(patterns=" ".join(patterns))
        lines.append(f"• {look.folder}: {state}")
        if look.other_text_files:
            lines.append("  " + translate("SetupWizard", "other text files there: {files} — does the till write "
                                                         "under another name? Add it to the file names.")
                         .format(files=", ".join(look.other_text_files[:5])))
    lines.append(translate("SetupWizard", "Check: that the payment went through; the till's setting for where it "
                                          "writes print.txt; that the folder is this one (on a network share, that "
                                          "it is mounted); then watch again."))
    return "\n".join(lines)


class FolderPage(SetupPage):
    keys = ("watch.",)

    def __init__(self, services: SetupServices, parent: QWidget | None = None, *,
                 watch_silence_s: float = 60.0) -> None:
        super().__init__(services, parent)
        self.setObjectName("setupFolderPage")
        self.watch_silence_s = watch_silence_s
        self._watcher: Stoppable | None = None
        self._relay = _SeenRelay(self)
        self._relay.seen.connect(self._on_seen)
        self._silence = QTimer(self)
        self._silence.setSingleShot(True)
        self._silence.timeout.connect(self._on_silence)
        self.seen: list[WriteSeen] = []

        self.folders = QListWidget()
        self.folders.setObjectName("setupFolders")
        self.folder_input = QLineEdit()
        self.folder_input.setObjectName("setupFolderInput")
        self.add_button = QPushButton()
        self.add_button.setObjectName("setupFolderAdd")
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("setupFolderBrowse")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("setupFolderRemove")
        self.patterns = QLineEdit()
        self.patterns.setObjectName("setupPatterns")
        self.patterns_label = QLabel()
        self.patterns_label.setBuddy(self.patterns)
        self.watch_button = QPushButton()
        self.watch_button.setObjectName("setupWatch")
        self.watch_state = QLabel()
        self.watch_state.setObjectName("setupWatchState")
        self.watch_state.setWordWrap(True)
        self.folders_label = QLabel()
        self.folders_label.setBuddy(self.folder_input)

        row = QHBoxLayout()
        row.addWidget(self.folder_input, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.browse_button)
        row.addWidget(self.remove_button)
        patterns_row = QHBoxLayout()
        patterns_row.addWidget(self.patterns_label)
        patterns_row.addWidget(self.patterns, 1)
        column = QVBoxLayout(self)
        column.addWidget(self.folders_label)
        column.addLayout(row)
        column.addWidget(self.folders, 1)
        column.addLayout(patterns_row)
        column.addWidget(self.watch_button)
        column.addWidget(self.watch_state)
        column.addWidget(self.problems_label)

        self.add_button.clicked.connect(self.add_typed)
        self.folder_input.returnPressed.connect(self.add_typed)
        self.browse_button.clicked.connect(self.browse)
        self.remove_button.clicked.connect(self.remove_selected)
        self.watch_button.clicked.connect(self.toggle_watch)
        self.setTabOrder(self.folder_input, self.add_button)
        self.setTabOrder(self.add_button, self.browse_button)
        self.setTabOrder(self.browse_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.folders)
        self.setTabOrder(self.folders, self.patterns)
        self.setTabOrder(self.patterns, self.watch_button)
        self.retranslate()

    # -- folders ----------------------------------------------------------------------------------
    def folder_list(self) -> list[str]:
        return [self.folders.item(i).text() for i in range(self.folders.count())]

    def pattern_list(self) -> list[str]:
        return [p for p in self.patterns.text().replace(",", " ").split() if p]

    def add_folder(self, folder: str) -> None:
        folder = folder.strip()
        if folder and folder not in self.folder_list():
            self.folders.addItem(folder)
            self.folders.setCurrentRow(self.folders.count() - 1)
        self._stop_watching()

    def add_typed(self) -> None:
        self.add_folder(self.folder_input.text())
        self.folder_input.clear()

    def browse(self) -> None:
        start = self.folder_list()[-1] if self.folders.count() else ""
        chosen = QFileDialog.getExistingDirectory(self, translate("SetupWizard", "The till's print.txt folder"), start)
        if chosen:
            self.add_folder(chosen)

    def remove_selected(self) -> None:
        row = self.folders.currentRow()
        if row >= 0:
            self.folders.takeItem(row)
            self._stop_watching()

    # -- watching ---------------------------------------------------------------------------------
    def toggle_watch(self) -> None:
        if self._watcher is not None:
            self._stop_watching()
            self.watch_state.setText(translate("SetupWizard", "Stopped watching."))
            return
        self.start_watching()

    def start_watching(self) -> bool:
        folders, patterns = self.folder_list(), self.pattern_list() or ["print*.txt"]
        if not folders:
            self._say(translate("SetupWizard", "Add the till's folder first."), theme.ATTENTION)
            return False
        try:
            self._watcher = self.services.watch(folders, patterns, self._relay.seen.emit)
        except Exception as error:
            log.warning("setup: watching %s failed: %s", folders, error)
            self._say(translate("SetupWizard", "Cannot watch: {error}").format(error=error), theme.FAULT)
            return False
        self.seen.clear()
        self._silence.start(int(self.watch_silence_s * 1000))
        self._say(translate("SetupWizard", "Watching {folders}. Make a test payment at the till now…")
                  .format(folders=", ".join(folders)), theme.INFO)
        self._retranslate_watch_button()
        return True

    def _stop_watching(self) -> None:
        self._silence.stop()
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            try:
                watcher.stop()
            except Exception:
                log.exception("setup: stopping the folder watch failed")
        self._retranslate_watch_button()

    def watching(self) -> bool:
        return self._watcher is not None

    def _on_seen(self, seen: WriteSeen) -> None:
        if self._watcher is None:
            return  # a write delivered after the watch was stopped
        self.seen.append(seen)
        self._silence.stop()
        self._say(seen_text(seen), theme.ATTENTION if seen.refused else theme.OK)

    def _on_silence(self) -> None:
        if self._watcher is None:
            return
        patterns = self.pattern_list() or ["print*.txt"]
        looks = self.services.look_at_folders(self.folder_list(), patterns)
        self._say(silence_text(looks, self.watch_silence_s, patterns), theme.ATTENTION)

    def _say(self, text: str, severity: str) -> None:
        self.watch_state.setText(text)
        problem_style(self.watch_state, severity)

    # -- the draft --------------------------------------------------------------------------------
    def load(self, draft: SetupDraft) -> None:
        self.folders.clear()
        for folder in draft.folders:
            self.folders.addItem(folder)
        self.patterns.setText(" ".join(draft.patterns))

    def store(self, draft: SetupDraft) -> None:
        pending = self.folder_input.text().strip()
        if pending:  # typed but not added: surely meant
            self.add_typed()
        draft.folders = self.folder_list()
        draft.patterns = self.pattern_list() or ["print*.txt"]

    def validatePage(self) -> bool:
        ok = super().validatePage()
        if ok:
            self._stop_watching()
        return ok

    def cleanupPage(self) -> None:
        self._stop_watching()
        super().cleanupPage()

    def shutdown(self) -> None:
        self._stop_watching()

    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "The till's folder"))
        self.setSubTitle(translate("SetupWizard", "Where the till's payment interface writes print.txt. Add the "
                                                  "folder, press Watch, and make a test payment."))
        self.folders_label.setText(translate("SetupWizard", "&Folder (type a full path, or browse):"))
        self.folder_input.setPlaceholderText(translate("SetupWizard", r"e.g. C:\Till\print"))
        self.add_button.setText(translate("SetupWizard", "&Add"))
        self.browse_button.setText(translate("SetupWizard", "&Browse…"))
        self.remove_button.setText(translate("SetupWizard", "&Remove"))
        self.patterns_label.setText(translate("SetupWizard", "File &names:"))
        self._retranslate_watch_button()
        accessible(self.folder_input, translate("SetupWizard", "Folder to add"),
                   translate("SetupWizard", "The full path of the folder the till writes print.txt into"))
        accessible(self.add_button, translate("SetupWizard", "Add the folder"))
        accessible(self.browse_button, translate("SetupWizard", "Browse for the folder"))
        accessible(self.remove_button, translate("SetupWizard", "Remove the selected folder"))
        accessible(self.folders, translate("SetupWizard", "Folders watched"))
        accessible(self.patterns, translate("SetupWizard", "File names"),
                   translate("SetupWizard", "Patterns of the receipt files' names, e.g. print*.txt"))
        accessible(self.watch_state, translate("SetupWizard", "What the watch saw"))
        accessible(self.problems_label, translate("SetupWizard", "Problems to correct"))

    def _retranslate_watch_button(self) -> None:
        if self._watcher is None:
            self.watch_button.setText(translate("SetupWizard", "&Watch for a test payment"))
        else:
            self.watch_button.setText(translate("SetupWizard", "Stop &watching"))
        accessible(self.watch_button, plain(self.watch_button.text()),
                   translate("SetupWizard", "Watch the folders live while you make a test payment"))
