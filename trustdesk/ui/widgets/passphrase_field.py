"""A passphrase input with a show/hide toggle."""

from __future__ import annotations

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
        self._toggle = self.addAction(self._eye("eye"), QLineEdit.ActionPosition.TrailingPosition)
        self._toggle.setText("Show passphrase")
        self._toggle.setToolTip("Show passphrase")
        self._toggle.triggered.connect(self.toggle_visible)
        theme.notifier.changed.connect(self._retint)

    def _retint(self) -> None:
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
