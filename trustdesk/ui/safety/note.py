"""One click to the safety note, from anywhere: the sidebar, the welcome and unlock
screens, the worksheet. `show_safety_note(parent)` opens (or brings forward) a small
non-modal window beside whatever the person is doing.

This module is imported while the first window paints, so it stays light: the window
itself is built, and its module imported, on the first click. UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QWidget

if TYPE_CHECKING:
    from trustdesk.ui.safety.card import CardKeeper
    from trustdesk.ui.safety.window import SafetyWindow

LINK_TEXT = "If you are not safe"
LINK_DESCRIPTION = "Opens the safety note: what to do right away if you are in danger"

_open: dict[int, SafetyWindow] = {}


def show_safety_note(parent: QWidget | None,
                     keeper: CardKeeper | None = None) -> SafetyWindow:
    """Show the safety note in its own small window, beside `parent`'s window, and
    return it; with `keeper` (the journal is unlocked) it holds the person's own
    safety card too. A second call brings the same window forward instead of opening
    another (one opened before unlocking is replaced by one with the card). The
    window is not modal: the rest of the app stays usable. Locking the
    journal closes it, like every other dialog."""
    import shiboken6

    from trustdesk.ui import dialogs
    from trustdesk.ui.safety.window import SafetyWindow

    owner = parent.window() if parent is not None else None
    key = id(owner)
    window = _open.get(key)
    if keeper is not None and window is not None and shiboken6.isValid(window) \
            and window.keeper is not keeper:
        window.close()
        window = None
    if window is None or not shiboken6.isValid(window):  # gone with its old owner
        window = SafetyWindow(owner, keeper)
        _open[key] = window
        window.finished.connect(lambda _result, key=key: _open.pop(key, None))
        dialogs.track(window)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def link_button(parent: QWidget | None = None,
                keeper: CardKeeper | Callable[[], CardKeeper | None] | None = None
                ) -> QPushButton:
    """A link-styled button that opens the safety note (with the person's card when
    `keeper` is given, or gives one when called at the click); reached with Tab and
    named by its visible words."""
    button = QPushButton(LINK_TEXT, parent)
    button.setProperty("role", "link")
    button.setObjectName("SafetyLink")
    button.setAccessibleName(LINK_TEXT)
    button.setAccessibleDescription(LINK_DESCRIPTION)
    button.setToolTip("What to do right away if you are in danger")
    button.clicked.connect(lambda: show_safety_note(
        button, keeper() if callable(keeper) else keeper))
    return button
