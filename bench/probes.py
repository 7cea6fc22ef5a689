"""The benchmark's measurements that need Qt, each run in a fresh process by
`bench/run.py`. Every mode prints one JSON object on stdout.

    python bench/probes.py bare               first paint of a bare PySide6 window
    python bench/probes.py memory-bare        peak memory of that bare window
    python bench/probes.py memory-app DIR     peak memory: journal in DIR unlocked,
                                              every page visited
    python bench/probes.py ui DIR RUNS        unlock, Progress page, autosave, PDF

The app's own launch is timed on the real command (`python -m trustdesk`), which
reports its first paint itself; see `run.py`.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "ten years of small steps"   # the benchmark journal's; nothing private
WINDOW = (1280, 800)


def _emit(result: dict) -> int:
    print(json.dumps(result), flush=True)
    return 0


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def _peak_mb() -> float:
    """Peak resident memory of this process. VmHWM belongs to this program alone;
    getrusage's ru_maxrss would carry over the parent's peak across fork and exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# -- a bare window: the floor Qt sets ---------------------------------------------------
def bare() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])

    class FirstPaint(QObject):
        """The same rule as the app's own report: the window's first paint event."""

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                print(json.dumps({"first_paint": time.time(),
                                  "cpu_ms": time.process_time() * 1000}), flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    listener = FirstPaint()
    window = QMainWindow()
    window.resize(*WINDOW)
    window.installEventFilter(listener)
    window.show()
    return app.exec()


def memory_bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(*WINDOW)
    window.show()
    _settle(app, 300)
    window.grab()
    return _emit({"peak_mb": _peak_mb()})


# -- the app, driven like a person would --------------------------------------------------
def _settle(app, ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _wait(app, done, wake=None, timeout_s: float = 60.0) -> None:
    """Run the event loop until `done()`, checked whenever the signal `wake` fires
    (and every 50 ms in case). The UI thread waits inside Qt, as in the app, so a
    worker thread runs at full speed: polling from Python would take the GIL from
    it hundreds of times a second and slow down what is being measured."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s

    def check(*_args) -> None:
        if done() or time.perf_counter() > deadline:
            loop.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(50)
    if wake is not None:
        wake.connect(check)
    loop.exec()
    timer.stop()
    if wake is not None:
        wake.disconnect(check)
    if not done():
        raise TimeoutError("the app did not get there in time")


def _open_window(folder):
    from trustdesk.ui.shell.window import MainWindow

    window = MainWindow(folder)
    window.resize(*WINDOW)
    window.show()
    return window


def _typing_the_passphrase(app) -> None:
    """What the app does while a person types: it imports what unlocking needs
    (`trustdesk.ui.app.warm_up`, started after the first paint)."""
    from trustdesk.ui.app import warm_up

    warm_up()
    _settle(app, 800)


_key_times: list[float] = []


def _time_key_derivation() -> None:
    """Record how long each unlock spends deriving and checking the key, in the
    same run as the rest of the unlock (key derivation varies by tens of ms)."""
    from trustdesk.storage import vault

    original = vault.key_and_verify

    def timed(conn, passphrase: str) -> None:
        start = time.perf_counter()
        original(conn, passphrase)
        _key_times.append(time.perf_counter() - start)

    vault.key_and_verify = timed


_opened_at: list[float] = []
_painted_at: list[float] = []
_complete_at: list[float] = []


def _time_the_journal_opening(window) -> None:
    """Note when the session moves to "unlocked" (the Store is open; the window then
    builds the workspace and its landing page, Today)."""
    from trustdesk.ui.shell.session import State

    session = window.session
    original = session._move

    def timed(state, *args, **kwargs):
        if state is State.UNLOCKED:
            _opened_at.append(time.perf_counter())
        return original(state, *args, **kwargs)

    session._move = timed


def _unlock(app, window) -> float:
    """From the passphrase given to the landing page (Today) filled and painted, in
    seconds; `_opened_at[-1]` is when the journal was open."""
    _key_times.clear()
    _time_the_journal_opening(window)
    start = time.perf_counter()
    screen = window.unlock_screen            # as a person does: type, press Unlock
    screen.passphrase.setText(PASSPHRASE)
    screen.unlock_button.click()
    _wait(app, lambda: window.session.is_unlocked() and window.workspace is not None
          and window.workspace.current_key() == "today", wake=window.session.unlocked)
    window.repaint()
    _painted_at.append(time.perf_counter())
    # The sections below the first frame (prompt, On this day, Continue reading)
    # are built on the turn after it is painted.
    page = window.workspace.page("today")
    _wait(app, page.is_complete, wake=page.completed)
    window.repaint()
    _complete_at.append(time.perf_counter())
    return _painted_at[-1] - start


def _today_again(app, window) -> float:
    """Today shown again from another page (every part read afresh) and painted."""
    window.workspace.show_page("journal")
    app.processEvents()
    start = time.perf_counter()
    window.workspace.show_page("today")
    window.repaint()
    return time.perf_counter() - start


def _close(app, window) -> None:
    from trustdesk.ui import tasks

    tasks.wait_for_all()
    app.processEvents()
    window.session.request_lock()
    tasks.wait_for_all()
    window.close()
    window.deleteLater()
    app.processEvents()


def memory_app(data_dir: str) -> int:
    from trustdesk.storage.store import JournalFolder
    from trustdesk.ui import tasks
    from trustdesk.ui.app import create_application

    app = create_application(sys.argv[:1])
    window = _open_window(JournalFolder(Path(data_dir)))
    _typing_the_passphrase(app)
    _unlock(app, window)
    workspace = window.workspace
    for key in workspace.page_keys():
        page = workspace.show_page(key)
        if key == "progress":
            _wait(app, lambda p=page: p.summary is not None, wake=page.summary_shown)
            for card in page.cards.values():
                card.chart.grab()
        tasks.wait_for_all()
        _settle(app, 100)
        window.grab()
    peak = _peak_mb()
    _close(app, window)
    return _emit({"peak_mb": peak, "pages": workspace.page_keys()})


def _key_derivation(vault_path: Path) -> float:
    from trustdesk.storage.vault import connect_existing, key_and_verify

    start = time.perf_counter()
    conn = connect_existing(vault_path)
    try:
        key_and_verify(conn, PASSPHRASE)
        return time.perf_counter() - start
    finally:
        conn.close()


def _progress_all_time(app, window) -> tuple[float, float]:
    """Progress page switched to all time: (to the visible part painted, to all five
    charts painted), in seconds."""
    page = window.workspace.show_page("progress")
    _wait(app, lambda: page.summary is not None, wake=page.summary_shown)
    combo = page.picker.combo
    shown: list[float] = []
    page.summary_shown.connect(lambda: shown.append(time.perf_counter()))
    combo.setCurrentIndex(combo.findData("last_4_weeks"))
    _wait(app, lambda: bool(shown), wake=page.summary_shown)
    shown.clear()
    start = time.perf_counter()
    combo.setCurrentIndex(combo.findData("all_time"))
    _wait(app, lambda: bool(shown), wake=page.summary_shown)
    window.repaint()
    visible = time.perf_counter() - start
    for card in page.cards.values():
        card.chart.grab()
    everything = time.perf_counter() - start
    page.summary_shown.disconnect()
    return visible, everything


def _autosaves(app, window, count: int) -> tuple[list[float], list[float]]:
    """From the autosave timer firing to the commit done and reported back on the UI
    thread, for edits of ~300-word entries; and after each, the search index caught
    up with the edited entry as leaving it does (in the background there), in
    seconds."""
    from PySide6.QtCore import QObject, Signal

    from trustdesk.ui.journal.saver import EntrySaver

    class Finished(QObject):
        fired = Signal()

    finished = Finished()
    store = window.session.store
    saver = EntrySaver(store.journal)
    ids = [row.id for row in store.journal.rows(limit=count)]
    times: list[float] = []
    indexing: list[float] = []
    for revision, entry_id in enumerate(ids, start=1):
        entry = store.journal.get(entry_id)
        edited = entry.edited(body=entry.body + f" One more thought, number {revision}.")
        done: list = []
        start = time.perf_counter()
        saver.save_later(revision, edited,
                         on_done=lambda _wrote, done=done: (done.append(time.perf_counter()),
                                                            finished.fired.emit()),
                         on_failed=lambda error, done=done: (done.append(error),
                                                             finished.fired.emit()))
        _wait(app, lambda done=done: bool(done), wake=finished.fired)
        if isinstance(done[0], BaseException):
            raise done[0]
        times.append(done[0] - start)
        start = time.perf_counter()
        store.journal.index_pending()
        indexing.append(time.perf_counter() - start)
    saver.close()
    return times, indexing


def _pdf(store, out: Path) -> tuple[float, int]:
    """The twelve-month progress summary: gathered and written to PDF, in seconds."""
    from datetime import date

    from trustdesk.domain.period import Period
    from trustdesk.report.summary import write_pdf
    from trustdesk.storage.progress_data import ProgressSource

    start = time.perf_counter()
    source = ProgressSource.from_store(store)
    summary = source.summary(Period("last_12_months"), date.today())
    pages = write_pdf(out, summary)
    return time.perf_counter() - start, pages


def ui(data_dir: str, runs: int) -> int:
    from trustdesk.storage.store import JournalFolder
    from trustdesk.ui.app import create_application

    app = create_application(sys.argv[:1])
    _typing_the_passphrase(app)
    folder = JournalFolder(Path(data_dir))
    _time_key_derivation()
    unlock, in_unlock, kdf, visible, charts, pdf = [], [], [], [], [], []
    today_painted: list[float] = []
    today_again: list[float] = []
    today_complete: list[float] = []
    due_steps = 0
    autosave: list[float] = []
    autosave_off: list[float] = []
    indexing: list[float] = []
    versions = 0
    pages = 0
    for run in range(runs):
        window = _open_window(folder)
        _settle(app, 100)
        unlock.append(_unlock(app, window))
        today_painted.append(_painted_at[-1] - _opened_at[-1])
        today_complete.append(_complete_at[-1] - _opened_at[-1])
        in_unlock.append(_key_times[0])
        kdf.append(_key_derivation(folder.vault_path))
        from trustdesk.ui import tasks

        tasks.wait_for_all()          # the daily backup and page check, off the clock
        seen, everything = _progress_all_time(app, window)
        visible.append(seen)
        charts.append(everything)
        seconds, pages = _pdf(window.session.store, Path(data_dir) / f"summary-{run}.pdf")
        pdf.append(seconds)
        today_again.append(_today_again(app, window))
        due_steps = window.workspace.page("today").due_count()
        if run == 0:
            # History on (the default, 30 days): each save here is a session of its
            # own, so every one keeps a version, the worst case. Then the same with
            # history off, for the difference (warmer caches favour this second pass).
            autosave, indexing = _autosaves(app, window, 200)
            history = window.session.store.journal.history
            versions = history.count()
            history.set_keep_days(0, now=datetime.now())
            autosave_off, _ = _autosaves(app, window, 200)
            history.set_keep_days(30, now=datetime.now())
        _close(app, window)
    return _emit({
        "unlock_ms": [_ms(t) for t in unlock],
        "kdf_ms": [_ms(t) for t in kdf],
        "unlock_kdf_ms": [_ms(t) for t in in_unlock],
        "unlock_beyond_kdf_ms": [_ms(u - k) for u, k in zip(unlock, in_unlock, strict=True)],
        "progress_visible_ms": [_ms(t) for t in visible],
        "progress_all_charts_ms": [_ms(t) for t in charts],
        "pdf_12_months_ms": [_ms(t) for t in pdf],
        "pdf_pages": pages,
        "autosave_ms": [_ms(t) for t in autosave],
        "autosave_history_off_ms": [_ms(t) for t in autosave_off],
        "autosave_versions_kept": versions,
        "index_after_editing_ms": [_ms(t) for t in indexing],
        "today_after_unlock_ms": [_ms(t) for t in today_painted],
        "today_again_ms": [_ms(t) for t in today_again],
        "today_complete_ms": [_ms(t) for t in today_complete],
        "today_due_steps": due_steps,
    })


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    mode, *args = sys.argv[1:]
    if mode == "bare":
        sys.exit(bare())
    if mode == "memory-bare":
        sys.exit(memory_bare())
    if mode == "memory-app":
        sys.exit(memory_app(args[0]))
    if mode == "ui":
        sys.exit(ui(args[0], int(args[1])))
    sys.exit(f"unknown mode {mode!r}")
