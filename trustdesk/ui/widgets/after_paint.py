"""Doing something just after a widget is first on screen: work that the first frame
doesn't show (sections below the fold, loading a word list) waits until that frame
is painted, so the person sees the page sooner. UI thread only."""

from __future__ import annotations

from collections.abc import Callable
from typing import override

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

AT_THE_LATEST_MS = 1000   # a widget that is never painted (minimized, offscreen)


class _AfterPaint(QObject):
    def __init__(self, watched: QWidget, then: Callable[[], None], latest_ms: int) -> None:
        super().__init__(watched)      # goes with the widget, and so does `then`
        self._then: Callable[[], None] | None = then
        watched.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._run)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)   # once the frame is out
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def after_first_paint(widget: QWidget, then: Callable[[], None], *,
                      latest_ms: int = AT_THE_LATEST_MS) -> None:
    """Call `then()` once, on the event-loop turn after `widget` is next painted, or
    after `latest_ms` if it isn't; never if `widget` is deleted first."""
    _AfterPaint(widget, then, latest_ms)
