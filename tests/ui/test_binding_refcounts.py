"""The pinned Qt binding must not leak references to None, True or False.

PySide6 6.12.0 on CPython 3.11 gives back None from every void call and True/False from every
Signal.emit() without taking a reference; the counts fall until the interpreter aborts
(none_dealloc / bool_dealloc, exit 134) after minutes of a till's day. This test fails on such a
binding, long before it could crash: it measures the counts around many calls.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_void_calls_and_emits_keep_singleton_refcounts(qapp: QApplication) -> None:
    label = QLabel()
    before = [sys.getrefcount(v) for v in (None, True, False)]
    for _ in range(300):
        label.setText("x")  # returns void
        label.windowTitleChanged.emit("x")  # returns a bool
    after = [sys.getrefcount(v) for v in (None, True, False)]
    # Other threads may take or drop a few references meanwhile; a leak loses 300.
    assert all(a > b - 50 for a, b in zip(after, before, strict=True)), (before, after)
