"""What the app tells the person right after unlocking, about the opening itself.

Today one thing: a write-ahead log from an earlier moment of the journal (put back
by a sync or backup tool) was found beside it and set aside rather than replayed
(see `trustdesk.storage.log_guard`). The notice comes once the journal is on
screen, through the dialog wrapper, so the person sees their writing is intact."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from trustdesk.ui import dialogs

if TYPE_CHECKING:
    from trustdesk.storage.store import Store
    from trustdesk.storage.vault import OldLog
    from trustdesk.ui.shell.session import Session

TITLE = "An older copy of recent changes was set aside"
TEXT = ("TrustDesk found a file from an earlier moment of your journal beside it (a sync "
        "or backup tool may have put it back). Using it would have undone newer writing, "
        "so it was not used: your journal is as you last left it.")
DETAILS = ("The file was moved, not deleted: {name}, in your data folder. You can "
           "delete it once you're sure nothing is missing.")


def notice_text(old: OldLog) -> tuple[str, str]:
    """The sentence and the details shown for `old`."""
    return TEXT, DETAILS.format(name=old.path.name)


def tell_after_unlock(window: QWidget, session: Session, store: Store) -> None:
    """If opening `store` set something aside, say so over `window` once the
    workspace shows, while `session` still has that journal open."""
    old = store.vault.old_log
    if old is None:
        return
    text, details = notice_text(old)

    def show() -> None:
        if shiboken6.isValid(window) and session.store is store:
            dialogs.inform(window, title=TITLE, text=text, details=details)

    QTimer.singleShot(0, show)
