"""Settings: "Appearance". Theme and text size, applied at once and kept in the vault."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox

from trustdesk.domain.settings import TEXT_SCALES, AppSettings
from trustdesk.storage.settings_repo import SettingsRepository
from trustdesk.ui.settings.section import Section

THEME_CHOICES = (("system", "Same as my computer"), ("light", "Light"), ("dark", "Dark"))
TEXT_SIZE_NAMES = {90: "Smaller", 100: "Normal", 115: "Large", 130: "Larger", 150: "Largest"}


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
