"""Settings: "Backups". The folder (kept in the vault), "Back up now" with progress,
and "Restore from backup...". Restoring itself is the shell's job (the journal must
close), so this section only announces the chosen file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from trustdesk.domain import clock
from trustdesk.domain.dates import long_date
from trustdesk.storage import errors
from trustdesk.storage.backups.journal import JournalBackups
from trustdesk.storage.output_guard import ProtectedPlaces
from trustdesk.ui import dialogs
from trustdesk.ui.output_check import checked_backup_folder
from trustdesk.ui.restore_dialog import RestoreDialog
from trustdesk.ui.settings.section import WorkingSection
from trustdesk.ui.widgets.busy import focusable_result_line


def last_backup_text(made_at: datetime | None, now: datetime | None = None) -> str:
    if made_at is None:
        return "No backups yet."
    now = now or clock.now()
    if made_at.date() == now.date():
        day = "today"
    elif (now.date() - made_at.date()).days == 1:
        day = "yesterday"
    else:
        day = f"on {long_date(made_at)}"
    return f"Last backup: {day} at {made_at:%H:%M}."


class BackupsSection(WorkingSection):
    """Emits `restore_requested(Path)` once a backup is chosen and confirmed."""

    restore_requested = Signal(object)

    def __init__(self, backups: JournalBackups, *, now: clock.Clock = clock.now) -> None:
        super().__init__(
            "Backups",
            "TrustDesk keeps encrypted copies of your journal: one a day while it's open, "
            "and one before every big change. The last 7 days and 4 weeks are kept. "
            "Backups open with the passphrase you had when they were made.")
        self._backups = backups
        self._now = now
        self._default = backups.default_dir
        self.dialog: RestoreDialog | None = None

        self.folder_label = QLabel()
        self.folder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setAccessibleDescription("Backup folder")
        self.folder_label.setWordWrap(True)
        self.change_button = QPushButton("Change…")
        self.change_button.setAccessibleName("Change backup folder")
        self.default_button = QPushButton("Use the usual folder")
        self.default_button.setProperty("role", "link")
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.change_button)
        self.form.addRow("Folder", folder_row)
        self.form.addRow("", self.default_button)

        self.status = QLabel()
        self.status.setProperty("role", "muted")
        self.status.setAccessibleDescription("Backup status")
        focusable_result_line(self.status)
        self.status.setWordWrap(True)
        self.layout_.addWidget(self.status)
        self.progress = self.add_progress("Backing up")
        self.backup_button = QPushButton("Back up now")
        self.backup_button.setProperty("role", "primary")
        self.restore_button = QPushButton("Restore from backup…")
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        self.layout_.addLayout(row)

        self.change_button.clicked.connect(self._change_folder)
        self.default_button.clicked.connect(lambda: self._set_folder(None))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.open_restore)

    # -- showing ---------------------------------------------------------------
    def folder(self) -> Path:
        return self._backups.folder()

    def refresh(self) -> None:
        folder = self.folder()
        self.folder_label.setText(str(folder))
        self.default_button.setVisible(folder != self._default)
        if self.task is None:
            newest = self._backups.listed()
            self.status.setText(last_backup_text(newest[0].made_at if newest else None,
                                                 self._now()))

    def _change_folder(self) -> None:
        chosen = dialogs.folder_path(self, title="Choose a folder for backups",
                                     start=str(self.folder()))
        if chosen is None or not shiboken6.isValid(self):
            return
        chosen = checked_backup_folder(self, self._places, chosen)
        if chosen is not None:
            self._set_folder(chosen)

    def _places(self) -> ProtectedPlaces:
        return self._backups.protected()

    def _set_folder(self, folder: Path | None) -> None:
        self._backups.choose_folder(folder)
        self.refresh()

    # -- backing up ------------------------------------------------------------
    def back_up_now(self) -> None:
        if self.task is not None:
            return
        self.status.setText("Backing up…")
        backups = self._backups
        self.run_in_background([self.backup_button],
                               lambda report: backups.back_up("manual", report=report),
                               self._backed_up, self._backup_failed)

    def _backed_up(self, _path: Path) -> None:
        self.status.setText(f"Backed up at {self._now():%H:%M}.")

    def _backup_failed(self, error: BaseException) -> None:
        self.status.setText(error.message if isinstance(error, errors.VaultError) else
                            "The backup couldn't be made. Your journal itself is fine.")

    # -- restoring -------------------------------------------------------------
    def open_restore(self) -> RestoreDialog:
        """Show the restore dialog (not blocking); returns it for tests."""
        backups = [b for b in self._backups.listed(beside=True)
                   if not b.kind.startswith("damaged")]
        self.dialog = RestoreDialog(self.window(), backups, self._backups.inspect)
        self.dialog.restore_chosen.connect(self.restore_requested)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()
        return self.dialog

    def clear_sensitive(self) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
        self.dialog = None
