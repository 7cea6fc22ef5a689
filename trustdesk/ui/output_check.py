"""The check every save dialog runs on the place the person chose, before anything
is written: the same `ProtectedPlaces` rule as the command line (never the journal,
its side files or lock, never inside the data or backup folder, never a device,
pipe or folder). A refusal is told in one plain sentence and nothing is written.

Threading: UI thread (it may show a message box); the check itself is a few stats.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from trustdesk.storage.errors import OutputExists, OutputRefused
from trustdesk.storage.output_guard import ProtectedPlaces
from trustdesk.ui import dialogs

Places = Callable[[], ProtectedPlaces]

TITLE = "Choose another place"


def checked_output(parent: QWidget | None, places: Places | None, target: Path, *,
                   replace: bool = True, folder: bool = False) -> Path | None:
    """`target` if the file (or with `folder`, the new folder) may be written there;
    otherwise tell the person why and return None. `replace` is True after the save
    dialog already asked about replacing an existing file."""
    if places is None:
        return target
    try:
        return places().check(target, replace=replace, folder=folder)
    except (OutputRefused, OutputExists) as exc:
        dialogs.inform(parent, title=TITLE, text=exc.message, warning=True)
        return None


def checked_backup_folder(parent: QWidget | None, places: Places, folder: Path) -> Path | None:
    """`folder` if backups may go there, else a sentence saying why and None."""
    try:
        return places().check_backup_folder(folder)
    except OutputRefused as exc:
        dialogs.inform(parent, title=TITLE, text=exc.message, warning=True)
        return None
