"""Spoken feedback: tell a screen reader that something changed, without moving focus.

Qt passes an announcement event to the accessibility bus (AT-SPI on Linux), where a
screen reader speaks its message. Polite messages wait for the reader to finish what
it is saying (saved, a strength hint, a count of results); assertive ones interrupt it
(something failed, a problem to fix). Only changes are announced, never a repeat.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QWidget

_heard: list[list[tuple[str, bool]]] = []


def announce(widget: QWidget, message: str, *, assertive: bool = False) -> None:
    """Ask assistive tools to speak `message`, coming from `widget`. Main thread only."""
    if not message.strip():
        return
    for heard in _heard:
        heard.append((message, assertive))
    # Here, not at the top: PySide builds QAccessible's enums when it is first
    # used (~2.5 ms), and the unlock screen paints before anything is announced.
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    event = QAccessibleAnnouncementEvent(widget, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


def show_and_announce(label: QLabel, text: str, *, assertive: bool = False) -> None:
    """Show `text` in `label` and announce it if it changed (an empty text is not said)."""
    if text == label.text():
        return
    label.setText(text)
    announce(label, text, assertive=assertive)


@contextmanager
def announcements() -> Iterator[list[tuple[str, bool]]]:
    """Collect every (message, assertive) announced inside the block; for tests."""
    heard: list[tuple[str, bool]] = []
    _heard.append(heard)
    try:
        yield heard
    finally:
        _heard.remove(heard)
