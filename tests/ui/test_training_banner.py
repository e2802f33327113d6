"""Training mode's steps: the banner shows "Step n/m" with the lesson in the window's language, and each
step is told as a desktop notification; over the UI's seam (notices through the bridge) and live."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Qt

from cashier_app.ui import messages, theme
from cashier_app.ui.main_window import MainWindow
from tests.helpers.live_app import LiveApp
from tests.helpers.ui_services import ListServices

WAIT_MS = 10_000

PAPER_STEP: dict[str, Any] = {
    "step": 2, "of": 5, "case": "printer-paper-out", "out_trade_no": "",
    "lesson": "打印机缺纸：小票暂停打印并保留在队列里。",
    "lesson_en": "The printer ran out of paper: receipts wait in the queue.",
    "at": "2026-06-11T09:30:00",
}


def test_step_notice_shows_in_the_banner_and_notifies(make_window, bridge, qtbot, language) -> None:
    window: MainWindow = make_window(ListServices(training_mode=True))
    window.show()
    assert window.training_banner.isVisibleTo(window)
    assert not window.training_lesson.isVisibleTo(window)  # no step announced yet

    # The director publishes from its own thread; the bridge queues the signal to the GUI thread.
    with qtbot.waitSignal(window.alerts.notified, timeout=WAIT_MS) as told:
        threading.Thread(target=bridge.notice.emit, args=("training_step", PAPER_STEP)).start()
    english = "Training step 2/5: The printer ran out of paper: receipts wait in the queue."
    assert window.training_lesson.isVisibleTo(window)
    assert window.training_lesson.text() == english
    # Told even with the window in front: a new step is what the trainee waits for.
    assert told.args == [english, theme.INFO]
    assert window.status.currentMessage() == english
    assert window.training_step() == PAPER_STEP

    language("zh_CN")
    assert window.training_lesson.text() == "第 2/5 步：打印机缺纸：小票暂停打印并保留在队列里。"
    assert window.training_banner.text() == "培训模式 — 不会影响真实订单"

    with qtbot.waitSignal(window.alerts.notified, timeout=WAIT_MS) as told:
        bridge.notice.emit("training_paper_refilled", {})
    assert told.args == ["培训：新纸卷已装好，暂停的小票正在打印。", theme.OK]
    assert window.status.currentMessage() == "培训：新纸卷已装好，暂停的小票正在打印。"
    assert window.training_lesson.text().startswith("第 2/5 步")  # the step stays until the next one


def test_a_lesson_missing_in_one_language_falls_back_to_the_other(make_window, bridge, language) -> None:
    window: MainWindow = make_window(ListServices(training_mode=True))
    bridge.notice.emit("training_step", {**PAPER_STEP, "step": 3, "lesson_en": ""})
    assert window.training_lesson.text() == "Training step 3/5: 打印机缺纸：小票暂停打印并保留在队列里。"


def test_the_step_under_way_at_start_is_shown(make_window) -> None:
    window: MainWindow = make_window(ListServices(training_mode=True, current_step=PAPER_STEP))
    assert window.training_lesson.text().startswith("Training step 2/5: ")
    plain: MainWindow = make_window(ListServices(current_step=PAPER_STEP))  # only training shows steps
    assert not plain.training_lesson.isVisibleTo(plain)


def test_training_codes_have_their_own_words() -> None:
    for code in ("training_step", "training_paper_refilled"):
        assert code in messages.NOTICES
        assert not messages.notice_text(code, PAPER_STEP).startswith("Notice:")
    assert messages.notice_severity("training_paper_refilled") == theme.OK


def test_live_training_shows_the_first_lesson_once_a_trainee_signs_in(make_live_app, qtbot, language) -> None:
    language("zh_CN")
    app: LiveApp = make_live_app(training=True)
    window = app.window
    window.show()
    screen = window.gate.screen
    assert screen is not None and window.gate.is_locked()
    assert window.training_banner.isVisibleTo(window)  # training is said even on the sign-in screen
    assert screen.heading.text() == "学员登录" and not screen.pin_edit.isVisibleTo(window)  # no people: no PIN
    assert window.training_step() is None  # nothing staged before a trainee signs in
    assert screen.enter("T1", "")
    qtbot.waitUntil(lambda: window.training_lesson.text().startswith("第 1/"), timeout=WAIT_MS)
    step = window.training_step()
    assert step is not None and step["step"] == 1 and step["out_trade_no"] in window.training_lesson.text()
    panel = window.training_panel
    assert panel.finish_button.isEnabled() and not panel.paper_button.isVisibleTo(window)

    # F10: the lesson is checked; its feedback shows; the next lesson is staged (out of paper).
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: panel.feedback.isVisibleTo(window), timeout=WAIT_MS)
    text = panel.feedback_text()
    assert text.startswith("掉单：") and "✗ 先查询订单" in text  # nothing was done: every check failed
    qtbot.waitUntil(lambda: window.training_lesson.text().startswith("第 2/"), timeout=WAIT_MS)
    assert panel.paper_button.isVisibleTo(window)
    assert panel.load_paper() and not panel.paper_button.isVisibleTo(window)


def test_the_panel_finishes_a_lesson_and_shows_its_feedback(make_window, language) -> None:
    services = ListServices(training_mode=True, current_step=PAPER_STEP | {"paper": True})
    window: MainWindow = make_window(services)
    panel = window.training_panel
    panel.show_step(services.current_step or {})
    assert panel.paper_button.isVisibleTo(window) or not window.isVisible()
    feedback = panel.finish()
    assert feedback is not None and services.finished == [feedback]
    assert panel.feedback_text().splitlines() == [
        "Dropped order: 50 points of 100", "✓ You looked the order up.",
        "✗ Sync the order before concluding: the platform may not have heard from the payment channel yet."]
    assert "✓" not in panel.feedback_text().splitlines()[2]  # what went right, then what to do next time
    assert not panel.finish_button.isEnabled()  # until the next lesson is staged
    language("zh_CN")
    assert panel.feedback_text().splitlines()[0] == "掉单：50 分（满分 100）"
