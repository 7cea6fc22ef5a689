"""Settings: a column of sections. Each section is a small card; appearance lives
here, and security, backups and data sections add themselves to SECTIONS."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain.settings import TEXT_SCALES, AppSettings
from trustdesk.storage.exchange import Exchange
from trustdesk.storage.settings_repo import SettingsRepository
from trustdesk.storage.vault import Vault
from trustdesk.ui.page import Page
from trustdesk.ui.widgets.column import centred, page_scroll

THEME_CHOICES = (("system", "Same as my computer"), ("light", "Light"), ("dark", "Dark"))
TEXT_SIZE_NAMES = {90: "Smaller", 100: "Normal", 115: "Large", 130: "Larger", 150: "Largest"}
CONTENT_WIDTH = 760


class Section(QFrame):
    """A titled card on the settings page."""

    def __init__(self, title: str, intro: str = "") -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 20, 24, 20)
        self.layout_.setSpacing(10)
        heading = QLabel(title)
        heading.setProperty("role", "heading")
        heading.setAccessibleName(title)
        self.layout_.addWidget(heading)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            text.setProperty("role", "muted")
            self.layout_.addWidget(text)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(18)
        self.form.setVerticalSpacing(10)
        self.layout_.addLayout(self.form)

    def add_row(self, text: str, field: QWidget) -> QLabel:
        """A labelled row whose label sits level with the middle of its field."""
        label = QLabel(text)
        label.setBuddy(field)
        label.setMinimumHeight(field.sizeHint().height())
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form.addRow(label, field)
        return label

    def add_progress(self, name: str) -> QProgressBar:
        """A hidden percentage bar, next in the card, for this section's background work
        (shown while it runs); `name` is what a screen reader calls it."""
        bar = QProgressBar()
        bar.setRange(0, 100)
        bar.setTextVisible(False)
        bar.setAccessibleName(name)
        bar.hide()
        self.layout_.addWidget(bar)
        return bar


class AppearanceSection(Section):
    """Theme and text size; both apply at once and are saved in the vault."""

    changed = Signal(AppSettings)

    def __init__(self, settings: SettingsRepository) -> None:
        super().__init__("Appearance", "Changes apply at once and are kept in your journal.")
        self._settings = settings
        self.theme_box = QComboBox()
        self.theme_box.setAccessibleName("Theme")
        for key, name in THEME_CHOICES:
            self.theme_box.addItem(name, key)
        self.size_box = QComboBox()
        self.size_box.setAccessibleName("Text size")
        for scale in TEXT_SCALES:
            self.size_box.addItem(TEXT_SIZE_NAMES[scale], scale)
        self.add_row("&Theme", self.theme_box)
        self.add_row("Text &size", self.size_box)
        self.theme_box.currentIndexChanged.connect(self._save)
        self.size_box.currentIndexChanged.connect(self._save)

    def show_values(self, current: AppSettings) -> None:
        for box, value in ((self.theme_box, current.theme), (self.size_box, current.text_scale)):
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(value)))
            box.blockSignals(False)

    def _save(self) -> None:
        current = replace(self._settings.load_app_settings(),
                          theme=self.theme_box.currentData(),
                          text_scale=self.size_box.currentData())
        self._settings.save_app_settings(current)
        self.changed.emit(current)


class SettingsPage(Page):
    """The Settings page. Emits `settings_changed` after any preference is saved,
    `restore_requested(Path)` when a backup should replace the journal,
    `erase_requested()` after the person confirmed erasing everything twice, and
    `data_imported(ImportResult)` after an import changed the journal. With a
    `vault`, it also shows privacy, passphrase and backup sections; with an
    `exchange`, the "Your data" section (export and import)."""

    settings_changed = Signal(AppSettings)
    restore_requested = Signal(object)
    erase_requested = Signal()
    data_imported = Signal(object)

    def __init__(self, settings: SettingsRepository, vault: Vault | None = None,
                 exchange: Exchange | None = None) -> None:
        super().__init__()
        self._settings = settings
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(40, 32, 40, 32)
        column.setSpacing(18)
        title = QLabel("Settings")
        title.setProperty("role", "title")
        column.addWidget(title)
        self.appearance = AppearanceSection(settings)
        self.appearance.changed.connect(self.settings_changed)
        column.addWidget(self.appearance)
        self.safety = SafetySections(settings, vault) if vault is not None else None
        self.data = None
        if exchange is not None:
            from trustdesk.ui.settings_data import DataSection

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
        outer.addWidget(page_scroll(centred(inner, CONTENT_WIDTH)))

    def load(self) -> None:
        current = self._settings.load_app_settings()
        self.appearance.show_values(current)
        if self.safety is not None:
            self.safety.load(current)

    def clear_sensitive(self) -> None:
        if self.safety is not None:
            self.safety.clear_sensitive()
        if self.data is not None:
            self.data.clear_sensitive()


class SafetySections:
    """Privacy and security, Passphrase, Backups and Erase everything, built together
    (their modules import `Section` from here, so they are imported late)."""

    def __init__(self, settings: SettingsRepository, vault: Vault) -> None:
        from trustdesk import paths
        from trustdesk.storage.backups import folder_for
        from trustdesk.ui.settings_backups import BackupsSection
        from trustdesk.ui.settings_passphrase import PassphraseSection
        from trustdesk.ui.settings_security import EraseSection, PrivacySection

        default_dir = paths.default_backup_dir(vault.path.parent)
        self.privacy = PrivacySection(settings)
        self.passphrase = PassphraseSection(vault, folder_for(settings, default_dir))
        self.backups = BackupsSection(vault, settings, default_dir)
        self.erase = EraseSection()
        self.passphrase.finished.connect(lambda _text: self.backups.refresh())

    def add_to(self, column: QVBoxLayout, *, before_erase: list[QWidget] | None = None) -> None:
        for section in (self.privacy, self.passphrase, self.backups, *(before_erase or []),
                        self.erase):
            column.addWidget(section)

    def load(self, current: AppSettings) -> None:
        self.privacy.show_values(current)
        self.passphrase.set_backup_dir(self.backups.folder())
        self.backups.refresh()

    def clear_sensitive(self) -> None:
        self.passphrase.clear_sensitive()
        self.backups.clear_sensitive()
