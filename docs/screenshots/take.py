"""Take screenshots of every page on the demo journal, offscreen.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take.py OUT WIDTH HEIGHT THEME [SCALE]

WIDTH and HEIGHT are the screen in device pixels; SCALE (default 1) is the desktop's
scale factor, so 1366 768 light 1.25 shows what a 1366x768 laptop at 125% shows.
The window fills the screen as a maximized window would, less a desktop panel
(PANEL device pixels) and a title bar (TITLE_BAR logical pixels): at 1366x768 and
125%, 1093x552 logical pixels.
Writes OUT/<page>-<theme>.png, the Today page scrolled to its end
(today-lower-<theme>.png), the journal's editor with an entry in light
Markdown (journal-writing-<theme>.png) and in focus mode (journal-focus-<theme>.png),
spell checking's marks and context menu (journal-spelling-<theme>.png,
spelling-menu-<theme>.png), an entry's History dialog (history-<theme>.png),
Settings with both reminders on (settings-reminders-<theme>.png), the month
calendar (journal-calendar-<theme>.png), the year in pixels
(progress-year-<theme>.png), the safety note's own card (safety-card-<theme>.png)
and the same card in Settings (settings-card-<theme>.png).
Used to look at the app before calling UI work done;
the README's pictures are chosen from its output."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

PANEL = 40      # device pixels the desktop's panel takes from the screen's height
TITLE_BAR = 30  # logical pixels of the window's title bar


def window_size(width: int, height: int, scale: float) -> tuple[int, int]:
    """The inside of a maximized window on that screen, in logical pixels."""
    return round(width / scale), round((height - PANEL) / scale) - TITLE_BAR


@contextmanager
def demo_screen(width: int, height: int, theme: str, scale: float = 1.0) -> Iterator[Shots]:
    """The demo's window, still locked, filling a screen of that size and scale as a
    maximized window would; the demo folder is deleted afterwards."""
    screen = Path(tempfile.mkdtemp(prefix="trustdesk-shots-")) / "screen.json"
    screen.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    os.environ["QT_SCALE_FACTOR"] = str(scale)
    from trustdesk.ui import theme as theme_module
    from trustdesk.ui.app import create_application
    from trustdesk.ui.demo_app import DemoJournal, open_demo_window
    from trustdesk.ui.shell.pages import PAGES

    app = create_application([])
    shutil.rmtree(screen.parent)  # read once, when the application starts
    with DemoJournal() as demo:
        assert demo.folder is not None
        window = open_demo_window(demo.folder, specs=PAGES)  # Settings as the app has it
        theme_module.apply(app, theme=theme)
        window.show()             # maximized on a small screen, as the app opens
        window.showNormal()       # then the panel and title bar are taken off
        window.resize(*window_size(width, height, scale))
        shots = Shots(window, lambda: theme_module.apply(app, theme=theme))
        shots.settle()
        yield shots
        window.close()


class Shots:
    """The demo window being photographed."""

    def __init__(self, window: Any, apply_theme: Callable[[], None]) -> None:
        self.window = window
        self._apply_theme = apply_theme

    def settle(self, ms: int = 400) -> None:
        from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()

    def unlock(self) -> None:
        from trustdesk.ui.demo_app import unlock_demo

        unlock_demo(self.window)
        for _ in range(50):
            self.settle(100)
            if self.window.session.is_unlocked():
                break
        self._apply_theme()
        self.settle()

    def save(self, path: Path) -> None:
        self.window.grab().save(str(path))


WRITING_TITLE = "A calmer week"
WRITING = """## What helped

I told Sam about the message I didn't answer, and **nothing bad happened**. \
The story in my head was louder than anything that was *actually* said.

- Walked to the station instead of taking the bus
- Wrote three lines before sleeping
    - even on the tired night
- Asked instead of guessing

> Trust is built in very small moments.

Next week I want to notice the *first* thought, and wait one breath before believing it."""


def journal_writing(shots: Shots, out: Path, theme: str) -> None:
    """A new entry written in light Markdown, then the same in focus mode. (The
    demo journal is deleted afterwards, so the entry goes with it.)"""
    workspace = shots.window.workspace
    page = workspace.show_page("journal")
    page.new_entry()
    editor = page.editor
    editor.title.setText(WRITING_TITLE)
    editor.body.setFocus()
    editor.body.insertPlainText(WRITING)
    cursor = editor.body.textCursor()
    cursor.setPosition(WRITING.index("**nothing"))
    cursor.setPosition(WRITING.index(" happened**") + len(" happened**"),
                       cursor.MoveMode.KeepAnchor)
    editor.body.setTextCursor(cursor)   # a selection, for the word count's second half
    shots.settle(1500)                   # saved, styled, counted
    shots.save(out / f"journal-writing-{theme}.png")
    page.set_focus_mode(True)
    shots.settle()
    shots.save(out / f"journal-focus-{theme}.png")
    page.set_focus_mode(False)


SPELLING_TITLE = "Teh walk home"
SPELLING = """I didn't recieve an answer from Sam until the evening, and I was \
definately sure it meant something bad. It didn't: his phone was flat.

- Waited one breath before writing back
- Kept the #steps list open at 8pm

The fear and the facts were **seperate** things today."""


def journal_spelling(shots: Shots, out: Path, theme: str) -> None:
    """An entry with a few misspelt words marked, and the context menu of one (grabbed
    on its own: offscreen, a menu is a window of its own)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    from trustdesk.ui.spelling.service import speller

    workspace = shots.window.workspace
    page = workspace.show_page("journal")
    for _ in range(100):
        if speller.active:
            break
        shots.settle(100)
    page.new_entry()
    editor = page.editor
    editor.title.setText(SPELLING_TITLE)
    editor.body.setFocus()
    editor.body.insertPlainText(SPELLING)
    shots.settle(1500)
    shots.save(out / f"journal-spelling-{theme}.png")
    found = editor.body.document().find("recieve")
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 3)
    menu = editor.body.context_menu_at(editor.body.cursorRect(cursor).center())
    menu.popup(editor.body.viewport().mapToGlobal(QPoint(0, 0)))
    shots.settle()
    menu.grab().save(str(out / f"spelling-menu-{theme}.png"))
    menu.close()


def journal_history(shots: Shots, out: Path, theme: str) -> None:
    """The History dialog of the entry `journal_writing` wrote, with two earlier
    versions put in its history (a day and two days back), the older chosen."""
    from datetime import datetime, timedelta

    from trustdesk.domain.history import Reason, Text

    page = shots.window.workspace.show_page("journal")
    page.flush()
    entry_id = page.current_entry_id()
    assert entry_id is not None
    now = datetime.now().replace(microsecond=0)
    first = WRITING.replace("Asked instead of guessing", "Asked Sam").replace(
        "Next week I want to notice the *first* thought, and wait one breath before "
        "believing it.", "Next week: notice the thought, then wait.")
    second = first.replace("The story in my head was louder than anything that was "
                           "*actually* said.", "I had made up a whole story about it.")
    store = shots.window.session.store
    with store.vault.transaction() as conn:
        for days, text, reason in ((2, second, Reason.SESSION), (1, first, Reason.INTERVAL)):
            store.journal.history.keep_in(
                conn, entry_id, Text(WRITING_TITLE, text),
                saved_at=now - timedelta(days=days, minutes=12),
                kept_at=now - timedelta(days=days), reason=reason)
    dialog = page.show_history()
    assert dialog is not None
    shots.settle()
    dialog.list.setCurrentRow(1)
    shots.settle(800)
    dialog.grab().save(str(out / f"history-{theme}.png"))
    dialog.reject()


def reminder_settings(shots: Shots, out: Path, theme: str) -> None:
    """Settings > Reminders with both reminders on (in the demo's folder, deleted
    afterwards; the login entry is left alone)."""
    from PySide6.QtCore import QTime
    from PySide6.QtWidgets import QScrollArea

    page = shots.window.workspace.show_page("settings")
    section = page.reminders
    section.daily_box.setChecked(True)
    section.daily_time.setTime(QTime(20, 30))
    section.steps_box.setChecked(True)
    scroll = page.findChild(QScrollArea)
    if scroll is not None:
        scroll.ensureWidgetVisible(section, 0, 40)
    shots.settle()
    shots.save(out / f"settings-reminders-{theme}.png")


def today_lower(shots: Shots, out: Path, theme: str) -> None:
    """The Today page scrolled to its end: the check-in, today's question, On this
    day and Continue reading."""
    from PySide6.QtWidgets import QScrollArea

    page = shots.window.workspace.show_page("today")
    shots.settle()
    bar = page.findChild(QScrollArea).verticalScrollBar()
    bar.setValue(bar.maximum())
    shots.settle()
    shots.save(out / f"today-lower-{theme}.png")
    bar.setValue(0)


def calendars(shots: Shots, out: Path, theme: str) -> None:
    """The Journal with its month calendar shown, the Progress page scrolled to the
    year in pixels, and the safety note's own card filled in (in the demo's journal,
    deleted afterwards)."""
    from PySide6.QtWidgets import QScrollArea

    from trustdesk.domain.safety_card import Contact, SafetyCard

    workspace = shots.window.workspace
    page = workspace.show_page("journal")
    page.show_calendar(True)
    shots.settle()
    shots.save(out / f"journal-calendar-{theme}.png")
    page.show_calendar(False)
    progress = workspace.show_page("progress")
    shots.settle(1500)
    scroll = progress.findChild(QScrollArea)
    if scroll is not None:
        scroll.ensureWidgetVisible(progress.year_card, 0, 20)
    shots.settle()
    shots.save(out / f"progress-year-{theme}.png")
    store = shots.window.session.store
    store.settings.save_safety_card(SafetyCard(
        (Contact("Sam (my brother)", "0161 496 0000"), Contact("Crisis line", "116 123")),
        "A walk by the canal. Calling Sam before I decide anything.",
        "Sam's flat; the walk-in centre on Hope Street"))
    from trustdesk.ui.safety.note import show_safety_note

    note = show_safety_note(shots.window, store.settings)
    shots.settle()
    note.grab().save(str(out / f"safety-card-{theme}.png"))
    note.close()
    page = workspace.show_page("settings")
    scroll = page.findChild(QScrollArea)
    if scroll is not None:
        scroll.ensureWidgetVisible(page.card, 0, 20)
    shots.settle()
    shots.save(out / f"settings-card-{theme}.png")


def main() -> int:
    out, width, height, theme = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    scale = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0
    out.mkdir(parents=True, exist_ok=True)
    with demo_screen(width, height, theme, scale) as shots:
        shots.save(out / f"unlock-{theme}.png")
        shots.unlock()
        workspace = shots.window.workspace
        for key in workspace.page_keys():
            workspace.show_page(key)
            shots.settle()
            shots.save(out / f"{key}-{theme}.png")
        if workspace.has_page("today"):
            today_lower(shots, out, theme)
        if workspace.has_page("journal"):
            journal_writing(shots, out, theme)
            journal_history(shots, out, theme)
            journal_spelling(shots, out, theme)
        if workspace.has_page("settings"):
            reminder_settings(shots, out, theme)
        if workspace.has_page("journal") and workspace.has_page("progress"):
            calendars(shots, out, theme)
    return 0


if __name__ == "__main__":
    sys.exit(main())
