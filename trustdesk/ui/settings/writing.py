"""Settings: "Writing". Spell checking on or off and its language, applied at once
and kept in the journal; a sentence says when a language has no dictionary."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox

from trustdesk.domain.settings import AppSettings
from trustdesk.domain.spelling import word_lists
from trustdesk.storage.settings_repo import SettingsRepository
from trustdesk.ui.settings.section import Section
from trustdesk.ui.spelling.service import choose_language, language_name
from trustdesk.ui.widgets.labels import text_label

SAME_AS_COMPUTER = "Same as my computer"


class WritingSection(Section):
    """Spell checking: the switch, the language, and a note when there is no list."""

    changed = Signal(AppSettings)

    def __init__(self, settings: SettingsRepository) -> None:
        super().__init__("Writing", "Misspelt words get a wavy underline as you type; "
                         "right-click one for suggestions. Words you add to your "
                         "dictionary are kept inside your journal.")
        self._settings = settings
        self.spell_check = QCheckBox("Check spelling as I type")
        self.spell_check.setAccessibleName("Check spelling as I type")
        self.language_box = QComboBox()
        self.language_box.setAccessibleName("Spelling language")
        self.add_row("", self.spell_check)
        self.add_row("Spelling &language", self.language_box)
        self.note = text_label("", "note")
        self.note.setAccessibleDescription("Spelling: note")
        self.note.hide()
        self.layout_.addWidget(self.note)
        self._fill_languages("")
        self.spell_check.toggled.connect(self._save)
        self.language_box.currentIndexChanged.connect(self._save)

    def _fill_languages(self, chosen: str) -> None:
        box = self.language_box
        box.blockSignals(True)
        box.clear()
        here = choose_language("").language
        box.addItem(f"{SAME_AS_COMPUTER} ({language_name(here)})" if here
                    else SAME_AS_COMPUTER, "")
        codes = word_lists.available_languages()
        if chosen and chosen not in codes:
            codes.append(chosen)  # keep showing a choice whose list went missing
        for code in codes:
            box.addItem(language_name(code), code)
        box.setCurrentIndex(max(0, box.findData(chosen)))
        box.blockSignals(False)

    def show_values(self, current: AppSettings) -> None:
        self.spell_check.blockSignals(True)
        self.spell_check.setChecked(current.spell_check)
        self.spell_check.blockSignals(False)
        self._fill_languages(current.spelling_language)
        self._show_note(current)

    def _show_note(self, current: AppSettings) -> None:
        self.language_box.setEnabled(current.spell_check)
        note = choose_language(current.spelling_language).note if current.spell_check else ""
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def _save(self) -> None:
        current = replace(self._settings.load_app_settings(),
                          spell_check=self.spell_check.isChecked(),
                          spelling_language=str(self.language_box.currentData() or ""))
        self._settings.save_app_settings(current)
        self._show_note(current)
        self.changed.emit(current)
