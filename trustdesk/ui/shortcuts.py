"""Every keyboard shortcut, listed in one place, and the small window (F1 or
Ctrl+/) that shows them. A test checks this list against the shortcuts the
windows really have, so it can't fall behind. UI thread only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from trustdesk.ui import theme
from trustdesk.ui.widgets.column import page_scroll

# (where, keys, what): keys as Qt writes them (QKeySequence.toString()), several
# joined with " or ".
SHORTCUTS: tuple[tuple[str, str, str], ...] = (
    ("Everywhere", "Ctrl+L", "Lock your journal"),
    ("Everywhere", "Ctrl+Q", "Save and quit"),
    ("Everywhere", "Ctrl+1 … Ctrl+6",
     "Go to Today, Guide, Journal, Worksheets, Progress, Settings"),
    ("Everywhere", "F1 or Ctrl+/", "Show these shortcuts"),
    ("Everywhere", "Ctrl+Shift+S",
     "The safety note; once unlocked, with your own people and numbers"),
    ("Everywhere", "Tab, Shift+Tab", "Move between fields; a date is one stop"),
    ("Everywhere", "← →, ↑ ↓", "In a date: move between day, month and year; change one"),
    ("Journal", "Ctrl+N", "New entry"),
    ("Journal", "Ctrl+S", "Save now (it saves itself too)"),
    ("Journal", "Ctrl+F", "Search your journal"),
    ("Journal", "Esc", "Clear the search; in focus mode, come back from it"),
    ("Journal", "Ctrl+Shift+F or F11", "Focus mode: only the page, no list or sidebar"),
    ("Journal", "Ctrl+Shift+C", "Show or hide the month calendar"),
    ("Journal", "Ctrl+Shift+H", "History: earlier versions of the entry, and restoring one"),
    ("Journal", "← →, ↑ ↓", "In the calendar: the day before or after, the week before or after"),
    ("Journal", "PgUp or PgDown", "In the calendar: previous or next month"),
    ("Journal", "Enter", "In the calendar: show that day's entries"),
    ("Journal", "Ctrl+B or Ctrl+I", "Bold or italic: wrap the selection in ** or *, or unwrap it; "
     "with nothing selected, press it again after the words to go on plainly"),
    ("Journal", "Enter", "In a list: the next item; on an empty item, end the list"),
    ("Journal", "Tab, Shift+Tab",
     "In a list: indent or outdent the item (just after its marker, or items "
     "selected); elsewhere, move between fields"),
    ("Journal", "Ctrl+Tab, Ctrl+Shift+Tab", "Leave the entry text for the next or previous field"),
    ("Guide", "Ctrl+F", "Search the guide"),
    ("Guide", "Esc", "Clear the search; in a chapter, back to the contents"),
    ("Guide", "Alt+Left or Alt+Right", "Previous or next chapter"),
    ("Guide", "Alt+Up or Alt+Down", "In a chapter: previous or next heading"),
    ("Worksheets", "Ctrl+N", "New worksheet"),
    ("Worksheets", "Alt+Left or Alt+Right", "Previous or next step"),
    ("Worksheets", "Ctrl+PgUp or Ctrl+PgDown", "Previous or next step"),
    ("Worksheets", "Del", "Delete the chosen worksheet (asks first)"),
    ("Progress", "Ctrl+P", "Print your progress, or save it as a PDF"),
    ("Progress", "PgUp or PgDown", "Previous or next page of the print preview"),
)

def listed_keys() -> set[str]:
    """Every single key sequence the list names (for the test against the app)."""
    keys: set[str] = set()
    for _where, written, _what in SHORTCUTS:
        for part in written.split(" or "):
            if "…" in part:
                first, last = (int(p.strip().rsplit("+", 1)[1]) for p in part.split("…"))
                keys.update(f"Ctrl+{n}" for n in range(first, last + 1))
            else:
                keys.add(part.strip())
    return keys


class ShortcutsWindow(QDialog):
    """A non-modal window listing SHORTCUTS by where they work. Escape closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortcutsWindow")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        row = 0
        where_before = ""
        for where, keys, what in SHORTCUTS:
            if where != where_before:
                heading = QLabel(where)
                heading.setProperty("role", "heading-small")
                grid.addWidget(heading, row, 0, 1, 2)
                row += 1
                where_before = where
            key_label = QLabel(keys)
            key_label.setProperty("role", "keys")
            grid.addWidget(key_label, row, 0)
            what_label = QLabel(what)
            what_label.setWordWrap(True)
            grid.addWidget(what_label, row, 1)
            row += 1
        grid.setColumnStretch(1, 1)
        scroll = page_scroll(inner)   # its own scroll bar, safe for a walking screen reader
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        base = theme.base_point_size()
        self.resize(int(base * 52), int(base * 56))
        self.close_button.setFocus()

    def texts(self) -> list[str]:
        return [label.text() for label in self.findChildren(QLabel)]


_open: list[ShortcutsWindow] = []


def show_shortcuts(parent: QWidget) -> ShortcutsWindow:
    """Show the shortcuts window (one at a time), raised if it is open already."""
    if _open:
        window = _open[0]
    else:
        window = ShortcutsWindow(parent)
        _open.append(window)
        window.destroyed.connect(lambda *_: _open.clear())
        window.finished.connect(lambda *_: _open.clear())
    window.show()
    window.raise_()
    window.activateWindow()
    return window
