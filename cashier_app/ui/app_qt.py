"""The QApplication: name, icon, fonts, style sheet, translations, Qt's messages in Python logging,
single instance, and a screenshot helper. The app's composition root calls these; nothing here starts
a service.

    app = create_application(sys.argv, config.ui.language)
    lock = InstanceLock(paths.data_dir, "window")         # app/single_instance.py
    if not lock.acquire():
        tell_already_running(brought_to_front=ask_running_window_to_show(lock.activation_name())); return 1
    window = MainWindow(services, bridge)
    attach_tray(app, window)
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from cashier_app import APP_NAME, __version__
from cashier_app.assets import style_sheet_path
from cashier_app.ui import messages
from cashier_app.ui.appearance import Appearance, read_style_sheet
from cashier_app.ui.appearance import apply as apply_appearance
from cashier_app.ui.i18n import install_translator
from cashier_app.ui.icons import app_icon
from cashier_app.ui.main_window import MainWindow
from cashier_app.ui.tray import TrayIcon, create_tray

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")
translate = QCoreApplication.translate

# Fonts that have the Chinese characters a till needs, in order of preference per platform.
UI_FONT_FAMILIES = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
]
UI_FONT_POINT_SIZE = 12

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

QtMessageHandler = Callable[[QtMsgType, QMessageLogContext, str], None]


def qt_message_handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the "qt" logger (and so into the rotating log file)."""
    where = f" ({context.file}:{context.line})" if context.file else ""
    qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)


def install_qt_message_handler() -> object:
    """Route Qt messages into logging; returns the previous handler (to restore it, e.g. in tests)."""
    return qInstallMessageHandler(qt_message_handler)


def load_style_sheet(path: Path | None = None) -> str:
    return read_style_sheet(path or style_sheet_path())


def ui_font() -> QFont:
    font = QFont()
    font.setFamilies(UI_FONT_FAMILIES)
    font.setPointSize(UI_FONT_POINT_SIZE)
    return font


def create_application(argv: Sequence[str], language: str = "auto",
                       appearance: Appearance | None = None) -> QApplication:
    """Create (or, when one exists already, configure) the QApplication. language: "auto" | "zh_CN" | "en";
    appearance: the till's text size and theme (ui.appearance; default: the designed size, standard)."""
    install_qt_message_handler()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(app_icon())
    app.setFont(ui_font())
    apply_appearance(app, appearance or Appearance())
    install_translator(app, language)
    app.setApplicationDisplayName(translate("Application", "Cashier Companion"))
    return app


def attach_tray(app: QApplication, window: MainWindow) -> TrayIcon | None:
    """Give the window a tray icon when the desktop has a tray; closing then hides to the tray and the
    app keeps running until Quit. Without a tray, closing the window quits as usual."""
    tray = create_tray(window)
    if tray is None:
        log.info("no system tray on this desktop: the window shows the state")
        return None
    app.setQuitOnLastWindowClosed(False)
    window.set_tray(tray)
    window.quit_requested.connect(app.quit)
    return tray


_ASK_READ_MS = 500


class ActivationServer(QObject):
    """Listens on the data folder's name (app/single_instance.py): a second start of the window asks
    through it, and `activate` brings this window to the front instead of a second app starting."""

    activate = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        QLocalServer.removeServer(name)  # a socket file left by a crash (Unix); we hold the folder's lock
        if not self._server.listen(name):
            log.warning("cannot listen for a second start (%s): %s", name, self._server.errorString())
        self._server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:
                return
            # The asking side writes at once and waits for it to be read: a short blocking read is enough.
            readable = socket.bytesAvailable() or socket.waitForReadyRead(_ASK_READ_MS)
            if readable and bytes(socket.readAll().data()).strip() == b"show":
                log.info("a second start asked this window to come to the front")
                self.activate.emit()
            socket.abort()
            socket.deleteLater()

    def close(self) -> None:
        self._server.close()


def ask_running_window_to_show(name: str, timeout_ms: int = 1500) -> bool:
    """Ask the window holding this data folder to come to the front; False when none answers (the
    running instance is headless, or still starting)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(b"show\n")
    sent = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return sent


def already_running_text() -> str:
    return messages.notice_text("already_running")


def tell_already_running(parent: QWidget | None = None, *, brought_to_front: bool = False) -> None:
    """The second start says so plainly (and that the running window was brought to the front), and stops."""
    log.warning("another instance is already running%s", "; its window was brought to the front"
                if brought_to_front else "")
    text = already_running_text()
    if brought_to_front:
        text += "\n" + translate("Application", "Its window has been brought to the front.")
    QMessageBox.information(parent, translate("Application", "Cashier Companion"), text)


def tell_restart_failed(parent: QWidget | None, error: BaseException) -> None:
    """The app could not start on the configuration the setup wizard wrote: say so, with what to do."""
    QMessageBox.critical(parent, translate("Application", "Cashier Companion"), translate(
        "Application", "The app could not start on the new configuration: {error}\nThe previous configuration is "
                       "kept as a backup beside it (config.toml.*.bak); the app stops now.").format(error=error))


def screenshot(widget: QWidget, path: Path | str) -> Path:
    """Render a widget (shown or not) to a PNG file; returns the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    widget.ensurePolished()
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    if not widget.grab().save(str(target), "PNG"):
        raise OSError(f"could not write screenshot {target}")
    return target
