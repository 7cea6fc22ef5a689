"""The "Restore from backup" dialog: backups by date, with what each holds.

Opening a backup to count its entries costs a key derivation (about 150 ms), so each
row is inspected off the UI thread and filled in when its answer comes back. The
dialog is window-modal, opened with `open()` (not a nested event loop), and tracked
by `dialogs`, so locking closes it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain.dates import date_time, short_date_time
from trustdesk.storage.backups.folder import BackupContents, BackupInfo
from trustdesk.ui import dialogs, tasks
from trustdesk.ui.widgets.labels import text_label

PATH_ROLE = Qt.ItemDataRole.UserRole
LONG_WHEN_ROLE = Qt.ItemDataRole.UserRole + 1
CHECKING = "Checking…"


def when_text(info: BackupInfo) -> str:
    """'12 Mar 2026, 09:12': the list's short style (the question asks in the long)."""
    return short_date_time(info.made_at)


class RestoreDialog(QDialog):
    """Emits `restore_chosen(Path)` after the person picks a backup and confirms."""

    restore_chosen = Signal(object)

    def __init__(self, parent: QWidget | None, backups: list[BackupInfo],
                 inspect: Callable[[Path], BackupContents]) -> None:
        """`inspect(path)` opens a backup and says what it holds (off the UI thread);
        the dialog never sees the passphrase it takes."""
        super().__init__(parent)
        self.setObjectName("RestoreDialog")
        self.setWindowTitle("Restore from a backup")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumSize(860, 460)
        self._inspect = inspect
        self._contents: dict[Path, BackupContents] = {}
        self.tasks: list[tasks.Task] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        heading = text_label("Go back to an earlier copy", "heading")
        layout.addWidget(heading)
        intro = QLabel("Choose the copy you want. Your journal as it is now is kept "
                       "first, so you can change your mind later.")
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        layout.addWidget(intro)

        self.table = QTreeWidget()
        self.table.setAccessibleName("Backups")
        self.table.setColumnCount(3)
        self.table.setHeaderLabels(["When", "Why", "What's inside"])
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty = QLabel("There are no backups in your backup folder yet.")
        self.empty.setProperty("role", "muted")
        self.empty.setVisible(not backups)
        layout.addWidget(self.empty)

        buttons = QDialogButtonBox()
        self.other_button = QPushButton("Choose another file…")
        self.restore_button = QPushButton("Restore")
        self.restore_button.setProperty("role", "primary")
        self.restore_button.setEnabled(False)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("Cancel")
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._confirm)
        self.other_button.clicked.connect(self._choose_file)
        layout.addWidget(buttons)

        for info in backups:
            self._add_row(info)
        self.table.itemSelectionChanged.connect(self._update)
        self.table.itemDoubleClicked.connect(lambda _item, _col: self._confirm())
        dialogs.track(self)

    # -- rows ------------------------------------------------------------------
    def _add_row(self, info: BackupInfo) -> QTreeWidgetItem:
        item = QTreeWidgetItem([when_text(info), info.label(), CHECKING])
        item.setData(0, PATH_ROLE, str(info.path))
        item.setData(0, LONG_WHEN_ROLE, date_time(info.made_at))
        item.setToolTip(0, info.path.name)
        self.table.addTopLevelItem(item)
        if self.table.topLevelItemCount() == 1:
            self.table.setCurrentItem(item)
        inspect = self._inspect
        task = tasks.run_task(lambda: inspect(info.path),
                              on_done=lambda result: self._inspected(item, info.path, result))
        self.tasks.append(task)
        return item

    def _inspected(self, item: QTreeWidgetItem, path: Path, contents: BackupContents) -> None:
        if not shiboken6.isValid(self):
            return
        self._contents[path] = contents
        item.setText(2, contents.summary())
        if contents.counts is None:
            item.setForeground(2, self.palette().placeholderText())
        self._update()

    def _rows(self) -> list[QTreeWidgetItem]:
        rows = (self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount()))
        return [item for item in rows if item is not None]

    def row_texts(self) -> list[list[str]]:
        return [[item.text(c) for c in range(3)] for item in self._rows()]

    def select(self, path: Path) -> None:
        for item in self._rows():
            if item.data(0, PATH_ROLE) == str(path):
                self.table.setCurrentItem(item)

    def chosen(self) -> Path | None:
        item = self.table.currentItem()
        return Path(item.data(0, PATH_ROLE)) if item is not None else None

    def _update(self) -> None:
        chosen = self.chosen()
        contents = self._contents.get(chosen) if chosen else None
        self.restore_button.setEnabled(contents is not None and contents.counts is not None)

    # -- actions ---------------------------------------------------------------
    def _choose_file(self) -> None:
        path = dialogs.open_path(self, title="Choose a TrustDesk backup",
                                 filters="TrustDesk backups (*.trustdesk);;All files (*)")
        if path is None or not shiboken6.isValid(self):
            return
        from trustdesk.storage.backups.folder import parse

        info = parse(path) or BackupInfo(path, _modified(path), "chosen")
        self.empty.hide()
        self.table.setCurrentItem(self._add_row(info))

    def _confirm(self) -> None:
        chosen = self.chosen()
        if chosen is None or not self.restore_button.isEnabled():
            return
        item = self.table.currentItem()
        assert item is not None   # chosen() found the current row
        answer = dialogs.ask(
            self, title="Restore from a backup",
            text=f"Go back to the copy from {item.data(0, LONG_WHEN_ROLE)}?",
            details="Your journal as it is now will be kept beside it, so nothing is lost. "
                    "TrustDesk closes and reopens your journal to do this.",
            choices=("Restore", "Cancel"), default=0, cancel=1)
        if answer == "Restore" and shiboken6.isValid(self):
            self.restore_chosen.emit(chosen)
            self.accept()


def _modified(path: Path):
    from datetime import datetime

    return datetime.fromtimestamp(path.stat().st_mtime)
