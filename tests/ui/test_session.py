"""The session without a window: it claims the folder, opens and locks the journal,
and announces every move, so a window (or a tray, or a reminder) only follows it."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import PASSPHRASE
from trustdesk.storage.store import JournalFolder
from trustdesk.ui.shell.session import Session, State


class Work:
    """Open work that records what the session asked of it."""

    def __init__(self, *, keep_open: bool = False) -> None:
        self.calls: list[str] = []
        self.keep_open = keep_open

    def save(self, action: str) -> bool:
        self.calls.append(f"save {action}")
        return not self.keep_open

    def save_quietly(self) -> None:
        self.calls.append("save quietly")

    def forget(self) -> None:
        self.calls.append("forget")


def started(qtbot, folder: Path) -> tuple[Session, list[State]]:
    session = Session(JournalFolder(folder))
    moves: list[State] = []
    session.state_changed.connect(moves.append)
    session.start()
    return session, moves


def settle(qtbot, session: Session) -> None:
    """Let the checks started after unlocking (backup, page check) finish."""
    for task in (session.daily_backup, session.page_check):
        if task is not None and task.result is None and task.error is None:
            qtbot.waitSignal(task.finished, timeout=20000).wait()


def test_a_session_unlocks_and_locks_with_no_window(qtbot, data_dir):
    session, moves = started(qtbot, data_dir)
    assert session.state is State.LOCKED and session.store is None
    with qtbot.waitSignal(session.unlocked, timeout=10000):
        session.request_unlock(PASSPHRASE)
    assert session.state is State.UNLOCKED and session.store is not None
    assert session.autolock.active
    settle(qtbot, session)
    work = Work()
    session.hold(work)
    with qtbot.waitSignal(session.locked):
        assert session.request_lock() is True
    assert work.calls == ["save lock", "forget"]
    assert session.store is None and not session.autolock.active
    assert moves == [State.LOCKED, State.UNLOCKING, State.UNLOCKED, State.LOCKED]
    assert session.close() and session.state is State.CLOSED
    JournalFolder(data_dir).lock().release()  # the folder was let go


def test_a_wrong_passphrase_goes_back_to_locked_with_the_reason(qtbot, data_dir):
    session, moves = started(qtbot, data_dir)
    with qtbot.waitSignal(session.state_changed, timeout=10000,
                          check_params_cb=lambda state: state is State.LOCKED):
        session.request_unlock("not my passphrase")
    assert session.notice.text == "That passphrase doesn't unlock this journal."
    assert moves == [State.LOCKED, State.UNLOCKING, State.LOCKED]
    session.close()


def test_work_that_asks_to_stay_open_keeps_the_journal_open(qtbot, data_dir):
    session, _moves = started(qtbot, data_dir)
    with qtbot.waitSignal(session.unlocked, timeout=10000):
        session.request_unlock(PASSPHRASE)
    settle(qtbot, session)
    work = Work(keep_open=True)
    session.hold(work)
    assert session.request_lock() is False
    assert session.state is State.UNLOCKED and session.store is not None
    assert work.calls == ["save lock"]
    session.lock_without_asking()  # the system is ending: nobody is asked
    assert work.calls == ["save lock", "save quietly", "forget"]
    assert session.state is State.LOCKED and session.store is None
    session.close()


def test_a_second_session_on_the_same_folder_is_blocked(qtbot, data_dir):
    first, _ = started(qtbot, data_dir)
    second, moves = started(qtbot, data_dir)
    assert moves == [State.BLOCKED]
    assert second.notice.title == "Already open"
    assert not second.holds_folder()
    second.close()
    first.close()


def test_a_new_folder_starts_at_welcome_and_writes_nothing(qtbot, tmp_path):
    folder = tmp_path / "data"
    session, moves = started(qtbot, folder)
    assert moves == [State.WELCOME] and not folder.exists()
    with qtbot.waitSignal(session.unlocked, timeout=10000):
        session.request_create("lantern orbit pebble")
    settle(qtbot, session)
    assert session.state is State.UNLOCKED and (folder / "journal.trustdesk").exists()
    session.close()


def test_erasing_runs_off_the_ui_thread_and_ends_at_welcome(qtbot, data_dir):
    session, moves = started(qtbot, data_dir)
    with qtbot.waitSignal(session.unlocked, timeout=10000):
        session.request_unlock(PASSPHRASE)
    settle(qtbot, session)
    task = session.request_erase()
    assert task is not None and session.state is State.BUSY
    assert session.notice.title == "Erasing everything"
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert session.state is State.WELCOME
    assert not (data_dir / "journal.trustdesk").exists()
    assert moves[-2:] == [State.BUSY, State.WELCOME]
    session.close()
