"""Run slow work off the UI thread and hear back on it.

`run_task(fn)` calls `fn()` on Qt's global thread pool; the returned Task emits
`done(result)` or `failed(exception)` on the UI thread, then `finished()`. The
function must not touch widgets. Tasks are kept alive until they finish; then
they let go of their callbacks, so what those closures hold (a passphrase, the
open journal, decrypted text) goes with them.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, SignalInstance, Slot

_running: set[Task] = set()


class Task(QObject):
    """The UI-thread side of one piece of background work."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int)
    finished = Signal()

    # Emitted from the worker thread; queued over to this object's (the UI) thread.
    _result_ready = Signal(object)
    _error_raised = Signal(object)
    _progressed = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.result: Any = None
        self.error: BaseException | None = None
        self._result_ready.connect(self._on_result)
        self._error_raised.connect(self._on_error)
        self._progressed.connect(self.progress)

    @Slot(object)
    def _on_result(self, result: Any) -> None:
        self.result = result
        _running.discard(self)
        self.done.emit(result)
        self.finished.emit()
        self._let_go()

    @Slot(object)
    def _on_error(self, error: BaseException) -> None:
        self.error = error
        _running.discard(self)
        self.failed.emit(error)
        self.finished.emit()
        self._let_go()

    def _let_go(self) -> None:
        """Drop every connected callback: the task is over."""
        for signal in (self.done, self.failed, self.progress, self.finished):
            with warnings.catch_warnings(), suppress(RuntimeError, TypeError):
                warnings.simplefilter("ignore")
                signal.disconnect()

    def report(self, percent: int) -> None:
        """Thread-safe: called by the work function to move a progress bar."""
        self._progressed.emit(int(percent))


def run_task(fn: Callable[..., Any], *, with_progress: bool = False,
             on_done: Callable[[Any], None] | None = None,
             on_failed: Callable[[BaseException], None] | None = None) -> Task:
    """Start `fn()` (or `fn(report)` when `with_progress`) in the background."""
    task = Task()
    if on_done is not None:
        task.done.connect(on_done)
    if on_failed is not None:
        task.failed.connect(on_failed)
    _running.add(task)

    def work() -> None:
        try:
            result = fn(task.report) if with_progress else fn()
        except BaseException as exc:  # handed to the UI thread, never swallowed
            _deliver(task._error_raised, exc)
        else:
            _deliver(task._result_ready, result)

    QThreadPool.globalInstance().start(work)
    return task


def _deliver(signal: SignalInstance, value: Any) -> None:
    """Emit from the worker; if the app is already shutting down and the Task is gone,
    there is nobody left to tell."""
    with suppress(RuntimeError):
        signal.emit(value)


def wait_for_all(timeout_ms: int = 30000) -> bool:
    """Block until background work is done (used when quitting)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
