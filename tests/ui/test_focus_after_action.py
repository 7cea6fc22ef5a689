"""After an action, the keyboard's place stays on the button that started it (or
waits on its result line while the work runs), and never lands on a destructive
button such as "Erase everything…"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from trustdesk.ui import dialogs
from trustdesk.ui.settings.data import CHOOSE


def _watch_focus(qtbot) -> list:
    seen: list = []
    QApplication.instance().focusChanged.connect(lambda _old, new: seen.append(new))
    return seen


def test_after_an_export_focus_is_back_on_the_export_button(qtbot, unlocked, tmp_path):
    page = unlocked.workspace.show_page("settings")
    section, erase = page.data, page.safety.erase.erase_button
    section.json_button.setFocus()
    qtbot.waitUntil(section.json_button.hasFocus)
    seen = _watch_focus(qtbot)
    answers = {"ask": CHOOSE, "save_path": str(tmp_path / "all.json")}
    with dialogs.answering(lambda question: answers[question.kind]):
        qtbot.keyClick(section.json_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: section.task is None and (tmp_path / "all.json").exists(),
                        timeout=20000)
    assert section.json_button.hasFocus()
    assert erase not in seen
    assert section.status in seen, "focus waited on the result line"


def test_after_a_backup_focus_is_back_on_the_backup_button(qtbot, unlocked, tmp_path):
    page = unlocked.workspace.show_page("settings")
    backups, erase = page.safety.backups, page.safety.erase.erase_button
    backups.backup_button.setFocus()
    qtbot.waitUntil(backups.backup_button.hasFocus)
    seen = _watch_focus(qtbot)
    qtbot.keyClick(backups.backup_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: backups.task is None, timeout=20000)
    assert backups.backup_button.hasFocus()
    assert erase not in seen
