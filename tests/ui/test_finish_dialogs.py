"""Message boxes speak in words and the app's own look: no stock "?", "!" or "i"
pictures (an export warning once showed a question mark)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from trustdesk.ui import dialogs


def _close_soon(seen: list[QMessageBox]) -> None:
    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box)
            box.close()
        else:
            QTimer.singleShot(20, close)
    QTimer.singleShot(20, close)


def test_a_question_has_no_stock_icon(qtbot) -> None:
    seen: list[QMessageBox] = []
    _close_soon(seen)
    dialogs.ask(None, title="Replace file?", text="A file with that name exists.",
                choices=("Replace", "Cancel"), cancel=1, destructive=0)
    assert seen and seen[0].icon() == QMessageBox.Icon.NoIcon
    assert seen[0].iconPixmap().isNull()


def test_a_warning_has_no_stock_icon(qtbot) -> None:
    seen: list[QMessageBox] = []
    _close_soon(seen)
    dialogs.inform(None, title="Export", text="Exports are not encrypted.", warning=True)
    assert seen and seen[0].icon() == QMessageBox.Icon.NoIcon
    assert seen[0].iconPixmap().isNull()
