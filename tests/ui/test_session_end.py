"""The ordinary ways a computer ends a session: SIGTERM (logout, shutdown, `kill`),
SIGHUP (the terminal closed) and SIGINT (Ctrl+C) save the words just typed, lock the
journal and quit with the shell's exit status for that signal; the desktop session's
end saves and locks too."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.ui.journal_helpers import journal_of
from trustdesk import paths
from trustdesk.storage.store import JournalFolder
from trustdesk.storage.vault import side_file
from trustdesk.ui.shell import shutdown
from trustdesk.ui.shell.shutdown import SessionEnd

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = Path(__file__).with_name("session_end_app.py")
POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")


def wait_for_line(process: subprocess.Popen[str], expected: str, timeout: float) -> None:
    """Read the child's stdout until `expected` arrives (fail after `timeout`)."""
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if selector.select(deadline - time.monotonic()):
                line = process.stdout.readline()
                if line.strip() == expected:
                    return
                if not line:
                    break
    process.kill()
    _, errors = process.communicate()
    pytest.fail(f"the app never said {expected!r}: {errors[-3000:]}")


def type_then_signal(data_dir: Path, words: str, number: int) -> subprocess.CompletedProcess:
    """Start the real app on `data_dir`, let it type `words`, send `number` as soon as
    it says so (its autosave is held back), and wait for it to end."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONDONTWRITEBYTECODE": "1"}
    process = subprocess.Popen([sys.executable, str(SCENARIO), str(data_dir), words],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        wait_for_line(process, "typed", timeout=60)
        process.send_signal(number)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def bodies(data_dir: Path) -> list[str]:
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        return [entry.body for entry in store.journal.entries_between(None, None)]
    finally:
        store.close()


@pytest.mark.slow
@POSIX_ONLY
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_signal_saves_the_last_words_locks_and_quits(data_dir, name):
    number = getattr(signal, name)
    words = f"Typed just before {name} arrived."
    result = type_then_signal(data_dir, words, number)

    assert result.returncode == 128 + number, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert bodies(data_dir) == [words]
    # Locked cleanly: the vault was closed, which merges the write-ahead log back.
    wal = side_file(paths.vault_path(data_dir), "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_exit_codes_follow_the_shell():
    assert shutdown.exit_code_for(signal.SIGTERM) == 143
    assert shutdown.exit_code_for(signal.SIGINT) == 130


@POSIX_ONLY
def test_a_signal_wakes_the_event_loop_and_puts_the_old_handlers_back(qtbot, qapp):
    """In process: the wake-up pipe brings a real SIGTERM into the event loop at once;
    leaving the block restores the handler that was there before."""
    ended: list[str] = []
    codes: list[int] = []
    before = signal.getsignal(signal.SIGTERM)
    with SessionEnd(qapp, lambda: ended.append("end"), leave=codes.append) as session:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: ended == ["end"], timeout=2000)
        assert session.signal_received == signal.SIGTERM
        os.kill(os.getpid(), signal.SIGTERM)  # a second one while ending changes nothing
        qtbot.wait(50)
        assert ended == ["end"]
        assert codes == [143]
    assert signal.getsignal(signal.SIGTERM) is before


def test_the_desktop_session_ending_saves_and_locks(qtbot, qapp, unlocked, no_dialogs):
    """Logout asks the app to commit its data: the words are saved and the journal
    locks, without a question; the app stays open in case the logout is cancelled."""
    page = journal_of(unlocked)
    page.new_entry()
    qtbot.keyClicks(page.editor.body, "Written as the session ended.")
    session = SessionEnd(qapp, unlocked.shut_down, lock=unlocked.session.lock_without_asking)
    try:
        with qtbot.waitSignal(unlocked.session.locked, timeout=5000):
            # What Qt calls on the desktop's "commit data" request (the
            # QSessionManager it passes can't be made outside a real session).
            session.on_session_ending(None)
    finally:
        session.uninstall()
    assert not unlocked.session.is_unlocked()
    assert unlocked.isVisible()
    assert bodies(unlocked.folder.root) == ["Written as the session ended."]


def test_quitting_from_a_question_still_locks(qtbot, qapp, unlocked):
    """SIGTERM while the "Not saved yet" question is open: the question closes,
    the journal locks, and the question's caller finds nothing left to do."""
    from trustdesk.ui import dialogs

    outcomes: list[bool] = []

    def end_while_asking(question: dialogs.Question) -> object:
        unlocked.session.lock_without_asking()
        return question.choices[0]  # "Keep it open", as if nobody had answered

    page = journal_of(unlocked)
    page.new_entry()
    qtbot.keyClicks(page.editor.body, "Words")
    failing = page.flush

    def fail_once() -> None:
        page.flush = failing  # type: ignore[method-assign]
        from trustdesk.storage import errors

        raise errors.StorageFull("The disk is full.")

    page.flush = fail_once  # type: ignore[method-assign]
    with dialogs.answering(end_while_asking):
        outcomes.append(unlocked.session.request_lock())
    assert not unlocked.session.is_unlocked()
    assert outcomes == [False]
    assert bodies(unlocked.folder.root) == ["Words"]
