"""Buttons that wait for a piece of work without losing the keyboard's place.

Disabling the button that has focus makes Qt move focus to the next control,
which in Settings was "Erase everything…". `hold_focus` parks focus on the
section's result line while the buttons are disabled; `give_focus_back` returns
it to the button afterwards. UI thread only."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget


def focusable_result_line(label: QLabel) -> QLabel:
    """Let `label` (a section's result sentence) take focus from the keyboard, so
    focus can wait there and a screen reader reads the result."""
    label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    label.setTextInteractionFlags(label.textInteractionFlags()
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


def hold_focus(buttons: Sequence[QPushButton], holder: QWidget) -> QPushButton | None:
    """Disable `buttons`; if one had focus, move focus to `holder` first and return
    that button (for `give_focus_back`)."""
    focused = next((button for button in buttons if button.hasFocus()), None)
    if focused is not None:
        if holder.isHidden():
            holder.show()
        holder.setFocus(Qt.FocusReason.OtherFocusReason)
    for button in buttons:
        button.setEnabled(False)
    return focused


def give_focus_back(buttons: Sequence[QPushButton], holder: QWidget,
                    focused: QPushButton | None) -> None:
    """Enable `buttons`; focus goes back to `focused` if it is still waiting on
    `holder` (or nowhere), not if the person has moved on."""
    for button in buttons:
        button.setEnabled(True)
    if focused is not None and (holder.hasFocus() or QApplication.focusWidget() is None):
        focused.setFocus(Qt.FocusReason.OtherFocusReason)
