"""Where Qt keeps its own settings (the file dialogs' folder history): in a folder
of ours that is emptied after each use, so no recent-file list records where a
person saved an export. Light on purpose: the app sets this up before its first
paint, long before any dialog (see `trustdesk.ui.dialogs`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

_settings_dir: Path | None = None


def keep_qt_state_in(folder: Path) -> None:
    """Send Qt's own settings (file dialog history) to `folder`, which we then clean."""
    global _settings_dir
    _settings_dir = folder
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))


def forget_qt_state() -> None:
    """Remove what Qt wrote there (called after each file dialog)."""
    if _settings_dir is not None:
        for leftover in _settings_dir.glob("QtProject*"):
            leftover.unlink(missing_ok=True)
