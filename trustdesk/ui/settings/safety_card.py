"""Settings: "My people and numbers". The same card as the safety note's second tab
(ui/safety/card.py's editor, not a copy), for people who look for it among their
settings. Saved with "Save card", and when the person leaves Settings or locks
with edits not saved yet (as closing the note keeps them)."""

from __future__ import annotations

from trustdesk.domain.text import InvalidRecord
from trustdesk.ui.safety.card import CardKeeper, SafetyCardEditor
from trustdesk.ui.safety.window import CARD_TAB
from trustdesk.ui.settings.section import Section


class SafetyCardSection(Section):
    """The card's editor in a settings card; `keeper` is the journal's settings."""

    def __init__(self, keeper: CardKeeper) -> None:
        super().__init__(CARD_TAB)
        self.setObjectName("SafetyCardSection")
        self._keeper = keeper
        self.editor = SafetyCardEditor(keeper)
        self.layout_.addWidget(self.editor)

    def load(self) -> None:
        """Read the card, unless edits not saved yet are showing."""
        if not self.editor.has_unsaved_changes():
            self.editor.load()

    def flush(self) -> None:
        """Save edits not saved yet; a storage error is raised (the words stay), a
        field too long is said in the status line and kept."""
        if not self.editor.has_unsaved_changes():
            return
        try:
            card = self.editor.read()
        except InvalidRecord as exc:
            self.editor.status.setText(f"Not saved: {exc}")
            return
        self._keeper.save_safety_card(card)
        self.editor.status.setText("Saved in your journal.")

    def has_unsaved_changes(self) -> bool:
        return self.editor.has_unsaved_changes()

    def clear_sensitive(self) -> None:
        self.editor.clear()
