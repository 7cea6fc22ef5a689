"""Qt's own settings (the file dialogs' folder history, in `QtProject.conf`) are
never written anywhere: no recent-file list records where a person saved an export
or which backup they restored, and no `.qt` folder appears in the data folder.

Qt's file dialog writes that history in its destructor, through QSettings'
per-user path. Earlier versions pointed that path at `<data folder>/.qt` and deleted
the file after each dialog, which left an empty `.qt` folder behind (after a restore
or an export). Now the path is a folder that cannot be created, so QSettings fails
silently (status AccessError, no message) and nothing reaches the disk. Light on
purpose: the app sets this up before its first paint, long before any dialog (see
`trustdesk.ui.dialogs`)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QSettings

# Below the null device, which is a file: no folder can ever be made there.
NOWHERE = Path(os.devnull) / "trustdesk-qt-settings"

# Where TrustDesk 0.1 kept Qt's settings, in the data folder.
OLD_FOLDER = ".qt"


def keep_no_qt_state(data_dir: Path | None = None) -> None:
    """Send Qt's own per-user settings nowhere; remove the `.qt` folder an earlier
    version left in `data_dir`."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(NOWHERE))
    if data_dir is not None:
        old = data_dir / OLD_FOLDER
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old, ignore_errors=True)
