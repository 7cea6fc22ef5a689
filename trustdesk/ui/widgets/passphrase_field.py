"""A passphrase input with a show/hide toggle."""

from __future__ import annotations

from typing import override

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from trustdesk.ui import icons, theme


class PassphraseField(QLineEdit):
    """Masked by default; the eye at its end shows or hides what was typed."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setAccessibleName(accessible_name)
        self.setPlaceholderText(accessible_name)
        self.setMinimumHeight(36)
        # Password echo mode already tells input methods: sensitive, no prediction.
        self._tint = theme.colors()["muted"].name()
        self._toggle = self.addAction(self._eye("eye"), QLineEdit.ActionPosition.TrailingPosition)
        self._toggle.setText("Show passphrase")
        self._toggle.setToolTip("Show passphrase")
        self._toggle.triggered.connect(self.toggle_visible)

    @override
    def changeEvent(self, event: QEvent) -> None:
        # A theme sets the application's palette, and only living widgets hear of it.
        # (A connection to theme.notifier outlived its field's eye, and a later theme
        # change raised "QAction already deleted".) Re-tint only when the colour really
        # changed: setting the icon itself sends change events.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange) \
                and getattr(self, "_toggle", None) is not None \
                and theme.colors()["muted"].name() != self._tint:
            self._show_eye()
        super().changeEvent(event)

    def _show_eye(self) -> None:
        self._tint = theme.colors()["muted"].name()
        self._toggle.setIcon(self._eye("eye-off" if self.revealed else "eye"))

    def _eye(self, name: str):
        return icons.icon(name, theme.colors()["muted"].name(), 32)

    @property
    def revealed(self) -> bool:
        return self.echoMode() == QLineEdit.EchoMode.Normal

    def toggle_visible(self) -> None:
        reveal = not self.revealed
        self.setEchoMode(QLineEdit.EchoMode.Normal if reveal else QLineEdit.EchoMode.Password)
        self._toggle.setIcon(self._eye("eye-off" if reveal else "eye"))
        words = "Hide passphrase" if reveal else "Show passphrase"
        self._toggle.setText(words)
        self._toggle.setToolTip(words)

    def wipe(self) -> None:
        """Clear the text and hide it again."""
        self.clear()
        if self.revealed:
            self.toggle_visible()
