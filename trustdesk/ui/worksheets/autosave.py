"""Saving as the person types: about a second after the last change, at once on
`flush()`, and again and again after a failure until it works.

A save runs on the UI thread: it is one small transaction, a few milliseconds, or
about 28 ms (p50) with SQLCipher's memory wiping on a busy machine: under the 50 ms
budget for work on that thread (bench/README.md, "Memory after Lock")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from trustdesk.domain.text import InvalidRecord
from trustdesk.storage import errors

DELAY_MS = 1000
RETRY_MS = 5000


class Autosaver(QObject):
    """Calls `save()` when edits settle. `state_changed` carries "unsaved", "saving",
    "saved" or "failed"; `problem` carries a plain sentence ("" once resolved).
    Edits are never dropped: after a failure the saver stays dirty and retries."""

    state_changed = Signal(str)
    problem = Signal(str)

    def __init__(self, save: Callable[[], None], *, delay_ms: int = DELAY_MS,
                 retry_ms: int = RETRY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._dirty = False
        self._failing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._save_quietly)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self._save_quietly)

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def failing(self) -> bool:
        return self._failing

    def touch(self) -> None:
        """Something changed: save about a second from now (restarting the wait)."""
        self._dirty = True
        self._timer.start()
        if not self._failing:
            self.state_changed.emit("unsaved")

    def flush(self) -> None:
        """Save now if anything is pending. Raises a VaultError (with a human
        message) when it can't; the edits stay pending and retrying continues."""
        if self._dirty:
            self._attempt(raising=True)

    def forget(self) -> None:
        """Drop pending work without saving (the sheet is being cleared on lock,
        after a flush, or was deleted)."""
        self._timer.stop()
        self._retry.stop()
        self._dirty = False
        self._failing = False

    def _save_quietly(self) -> None:
        if self._dirty:
            self._attempt(raising=False)

    def _attempt(self, *, raising: bool) -> None:
        self._timer.stop()
        self._retry.stop()
        self.state_changed.emit("saving")
        try:
            self._save()
        except errors.VaultError as exc:
            self._fail(exc.message, retry=True)
            if raising:
                raise
            return
        except InvalidRecord as exc:  # waits for the person to change the text
            self._fail(str(exc), retry=False)
            if raising:
                raise errors.VaultError(str(exc)) from exc
            return
        self._dirty = False
        if self._failing:
            self._failing = False
            self.problem.emit("")
        self.state_changed.emit("saved")

    def _fail(self, message: str, *, retry: bool) -> None:
        self._failing = True
        self.problem.emit(message)
        self.state_changed.emit("failed")
        if retry:
            self._retry.start()
