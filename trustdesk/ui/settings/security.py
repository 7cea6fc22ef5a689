"""Settings: "Privacy and security" (auto-lock) and "Erase everything"."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton

from trustdesk.domain.settings import AUTO_LOCK_CHOICES, AppSettings
from trustdesk.storage.settings_repo import SettingsRepository
from trustdesk.ui import dialogs
from trustdesk.ui.settings.section import Section


def auto_lock_label(minutes: int) -> str:
    if minutes == 0:
        return "Never"
    return "After 1 minute" if minutes == 1 else f"After {minutes} minutes"


class PrivacySection(Section):
    """How soon TrustDesk locks by itself; saved in the vault, applied at once."""

    changed = Signal(AppSettings)

    def __init__(self, settings: SettingsRepository) -> None:
        super().__init__(
            "Privacy and security",
            "TrustDesk locks itself when you haven't used it for a while, when your "
            "screen locks, and when your computer goes to sleep. Anything you copied "
            "from TrustDesk is cleared from the clipboard when it locks.")
        self._settings = settings
        self.auto_lock_box = QComboBox()
        self.auto_lock_box.setAccessibleName("Lock automatically")
        for minutes in AUTO_LOCK_CHOICES[1:] + AUTO_LOCK_CHOICES[:1]:
            self.auto_lock_box.addItem(auto_lock_label(minutes), minutes)
        self.add_row("Lock automatically", self.auto_lock_box)
        self.auto_lock_box.currentIndexChanged.connect(self._save)

    def show_values(self, current: AppSettings) -> None:
        self.auto_lock_box.blockSignals(True)
        index = self.auto_lock_box.findData(current.auto_lock_minutes)
        if index < 0:  # a value from elsewhere: show it rather than silently change it
            self.auto_lock_box.addItem(auto_lock_label(current.auto_lock_minutes),
                                       current.auto_lock_minutes)
            index = self.auto_lock_box.count() - 1
        self.auto_lock_box.setCurrentIndex(index)
        self.auto_lock_box.blockSignals(False)

    def _save(self) -> None:
        current = replace(self._settings.load_app_settings(),
                          auto_lock_minutes=int(self.auto_lock_box.currentData()))
        self._settings.save_app_settings(current)
        self.changed.emit(current)


ERASE_FIRST = "Erase your journal and all its backups?"
ERASE_SECOND = "This can't be undone. Erase everything now?"


class EraseSection(Section):
    """Deletes the journal, its side files and its backups, after two questions."""

    erase_requested = Signal()

    def __init__(self) -> None:
        super().__init__(
            "Erase everything",
            "Removes your journal, every backup TrustDesk made, and its settings from "
            "this computer. Nobody can bring them back afterwards, not even you.")
        self.erase_button = QPushButton("Erase everything…")
        self.erase_button.setProperty("role", "danger")
        self.erase_button.setAccessibleName("Erase everything")
        row = QHBoxLayout()
        row.addWidget(self.erase_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.erase_button.clicked.connect(self.confirm)

    def confirm(self) -> bool:
        """Ask twice; emit `erase_requested` only after two clear yeses."""
        first = dialogs.ask(
            self, title="Erase everything", text=ERASE_FIRST,
            details="Your journal, all its backups and your settings will be deleted "
                    "from this computer.",
            choices=("Keep my journal", "Erase…"), default=0, cancel=0, destructive=1)
        if first != "Erase…":
            return False
        second = dialogs.ask(
            self, title="Erase everything", text=ERASE_SECOND,
            details="If you might want these words later, make a backup somewhere "
                    "safe first, or keep the journal.",
            choices=("Keep my journal", "Erase everything"), default=0, cancel=0,
            destructive=1)
        if second != "Erase everything":
            return False
        self.erase_requested.emit()
        return True
