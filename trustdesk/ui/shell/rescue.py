"""The rescue screen, shown while the session is in RESCUE (a damaged journal): it
says so plainly and offers the newest good backup the session found. Restoring
keeps the damaged file beside the journal under a new name; nothing is
overwritten or deleted. The screen only announces choices; the session acts."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton

from trustdesk.ui import dialogs
from trustdesk.ui.restore_dialog import when_text
from trustdesk.ui.shell.gate import _GateScreen, label

if TYPE_CHECKING:
    from trustdesk.storage.backups.folder import BackupContents, BackupInfo

KEPT = ("If you restore a backup, the damaged file stays beside it under a new name, "
        "so nothing is lost.")


class RescueScreen(_GateScreen):
    """The damaged-journal screen. Emits `restore_requested(Path)`, `quit_requested`."""

    restore_requested = Signal(object)
    quit_requested = Signal()
    back_requested = Signal()

    def __init__(self, message: str) -> None:
        super().__init__("Your journal needs attention", message)
        self.setObjectName("Gate")
        self.body.addWidget(label(KEPT, "muted"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName("Looking for backups")
        self.body.addWidget(self.busy)
        self.offer_text = label("Looking for your newest good backup…")
        self.offer_text.setAccessibleDescription("Backup found")
        self.body.addWidget(self.offer_text)
        self.restore_button = QPushButton("Restore this backup")
        self.restore_button.setProperty("role", "primary")
        self.restore_button.setMinimumHeight(38)
        self.restore_button.hide()
        self.body.addWidget(self.restore_button)
        row = QHBoxLayout()
        self.choose_button = QPushButton("Choose a backup file…")
        self.back_button = QPushButton("Back")
        self.back_button.setAccessibleName("Back to unlocking")
        self.quit_button = QPushButton("Quit")
        row.addWidget(self.choose_button)
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.quit_button)
        self.body.addLayout(row)
        self.found: BackupInfo | None = None
        self.restore_button.clicked.connect(
            lambda: self.found and self.restore_requested.emit(self.found.path))
        self.choose_button.clicked.connect(self._choose)
        self.quit_button.clicked.connect(self.quit_requested)
        self.back_button.clicked.connect(self.back_requested)

    def offer(self, found: tuple[BackupInfo, BackupContents] | None) -> None:
        self.busy.hide()
        if found is None:
            self.offer_text.setText(
                "TrustDesk found no backup that opens with this passphrase. If you keep "
                "backups somewhere else, choose one. Your journal file was left exactly "
                "as it was.")
            return
        info, contents = found
        self.found = info
        self.offer_text.setText(f"Your newest good backup is from {when_text(info)} "
                                f"({contents.summary()}).")
        self.restore_button.show()
        self.restore_button.setFocus()

    def _choose(self) -> None:
        path = dialogs.open_path(self, title="Choose a TrustDesk backup",
                                 filters="TrustDesk backups (*.trustdesk);;All files (*)")
        if path is not None and shiboken6.isValid(self):
            self.restore_requested.emit(path)

