"""The Settings page: a column of section cards (one module each in this package),
built together and told to load, and to forget anything sensitive, together."""

from __future__ import annotations

from pathlib import Path
from typing import override

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from trustdesk.domain.settings import AppSettings
from trustdesk.storage.backups.journal import JournalBackups
from trustdesk.storage.exchange import Exchange
from trustdesk.storage.history_repo import HistoryRepository
from trustdesk.storage.settings_repo import SettingsRepository
from trustdesk.ui.page import Page
from trustdesk.ui.settings.appearance import AppearanceSection
from trustdesk.ui.settings.backups import BackupsSection
from trustdesk.ui.settings.data import DataSection
from trustdesk.ui.settings.history import HistorySection
from trustdesk.ui.settings.passphrase import PassphraseSection
from trustdesk.ui.settings.reminders import RemindersSection
from trustdesk.ui.settings.safety_card import SafetyCardSection
from trustdesk.ui.settings.section import Section, align_label_columns
from trustdesk.ui.settings.security import EraseSection, PrivacySection
from trustdesk.ui.settings.writing import WritingSection
from trustdesk.ui.widgets.column import FORM_WIDTH, page_column


class SettingsPage(Page):
    """The Settings page. Emits `settings_changed` after any preference is saved,
    `restore_requested(Path)` when a backup should replace the journal,
    `erase_requested()` after the person confirmed erasing everything twice, and
    `data_imported(ImportResult)` after an import changed the journal. With
    `backups`, it also shows privacy, passphrase and backup sections; with an
    `exchange`, the "Your data" section (export and import); with a `folder` (the
    journal's data folder), the "Reminders" section; with `history` (the journal's
    entry versions), the "Entry history" section. "My people and numbers" is the
    safety note's card, edited here too. Without `at_login` (the demo), Reminders
    offers no start at login."""

    settings_changed = Signal(AppSettings)
    restore_requested = Signal(object)
    erase_requested = Signal()
    data_imported = Signal(object)

    def __init__(self, settings: SettingsRepository, backups: JournalBackups | None = None,
                 exchange: Exchange | None = None, folder: Path | None = None, *,
                 at_login: bool = True, history: HistoryRepository | None = None) -> None:
        super().__init__()
        self._settings = settings
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setSpacing(18)
        title = QLabel("Settings")
        title.setProperty("role", "title")
        column.addWidget(title)
        self.appearance = AppearanceSection(settings)
        self.appearance.changed.connect(self.settings_changed)
        column.addWidget(self.appearance)
        self.writing = WritingSection(settings)
        self.writing.changed.connect(self.settings_changed)
        column.addWidget(self.writing)
        self.history = HistorySection(history) if history is not None else None
        if self.history is not None:
            column.addWidget(self.history)
        self.reminders = (RemindersSection(folder, at_login=at_login)
                          if folder is not None else None)
        if self.reminders is not None:
            column.addWidget(self.reminders)
        self.card = SafetyCardSection(settings)
        column.addWidget(self.card)
        self.safety = SafetySections(settings, backups) if backups is not None else None
        self.data = None
        if exchange is not None:
            self.data = DataSection(exchange)
            self.data.imported.connect(self.data_imported)
        if self.safety is not None:
            self.safety.add_to(column, before_erase=[self.data] if self.data else [])
            self.safety.privacy.changed.connect(self.settings_changed)
            self.safety.backups.restore_requested.connect(self.restore_requested)
            self.safety.erase.erase_requested.connect(self.erase_requested)
        elif self.data is not None:
            column.addWidget(self.data)
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(page_column(inner, FORM_WIDTH))
        self._sections = inner.findChildren(Section)
        align_label_columns(self._sections)

    @override
    def changeEvent(self, event: QEvent) -> None:
        # The text size changed: the widest label too.
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) \
                and getattr(self, "_sections", None):
            align_label_columns(self._sections)
        super().changeEvent(event)

    @override
    def load(self) -> None:
        current = self._settings.load_app_settings()
        self.appearance.show_values(current)
        self.writing.show_values(current)
        if self.history is not None:
            self.history.load()
        if self.reminders is not None:
            self.reminders.load()
        self.card.load()
        if self.safety is not None:
            self.safety.load(current)

    @override
    def flush(self) -> None:
        self.card.flush()

    @override
    def has_unsaved_changes(self) -> bool:
        return self.card.has_unsaved_changes()

    @override
    def clear_sensitive(self) -> None:
        self.card.clear_sensitive()
        if self.safety is not None:
            self.safety.clear_sensitive()
        if self.data is not None:
            self.data.clear_sensitive()


class SafetySections:
    """Privacy and security, Passphrase, Backups and Erase everything, built together."""

    def __init__(self, settings: SettingsRepository, backups: JournalBackups) -> None:
        self.privacy = PrivacySection(settings)
        self.passphrase = PassphraseSection(backups)
        self.backups = BackupsSection(backups)
        self.erase = EraseSection()
        self.passphrase.finished.connect(lambda _text: self.backups.refresh())

    def add_to(self, column: QVBoxLayout, *, before_erase: list[QWidget] | None = None) -> None:
        for section in (self.privacy, self.passphrase, self.backups, *(before_erase or []),
                        self.erase):
            column.addWidget(section)

    def load(self, current: AppSettings) -> None:
        self.privacy.show_values(current)
        self.backups.refresh()

    def clear_sensitive(self) -> None:
        self.passphrase.clear_sensitive()
        self.backups.clear_sensitive()
