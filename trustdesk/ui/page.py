"""The small protocol every sidebar page shares."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class Page(QWidget):
    """A sidebar page. Built on first visit with only the collaborators it needs.

    The workspace calls `load()` each time the page is shown, `flush()` when the
    person leaves it, locks or quits, and `clear_sensitive()` when the journal
    locks. `flush()` may raise a storage error; edits must then stay in memory."""

    status_changed = Signal(str)   # a short word for the status line: "Saving…", "Saved"

    def load(self) -> None:
        """Show current data from storage."""

    def flush(self) -> None:
        """Save pending edits now."""

    def has_unsaved_changes(self) -> bool:
        return False

    def clear_sensitive(self) -> None:
        """Forget everything shown: text, undo history, models, search boxes."""
