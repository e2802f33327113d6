"""Training mode's steps: the banner shows "Step n/m" with the lesson in the window's language, and each
step is told as a desktop notification; over the UI's seam (notices through the bridge) and live."""

from __future__ import annotations

import threading
from typing import Any

from cashier_app.ui import messages, theme
from cashier_app.ui.main_window import MainWindow
from tests.ui.conftest import ListServices, LiveApp

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


def test_live_training_shows_the_first_step(make_live_app, qtbot, language) -> None:
    language("zh_CN")
    app: LiveApp = make_live_app(training=True)
    window = app.window
    qtbot.waitUntil(lambda: window.training_lesson.text().startswith("第 1/"), timeout=WAIT_MS)
    step = window.training_step()
    assert step is not None and step["step"] == 1 and step["lesson"]
    assert window.training_lesson.text().endswith(step["lesson"])
