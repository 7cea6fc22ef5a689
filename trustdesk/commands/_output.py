"""The one way a subcommand picks the file it writes (a summary, an export, a
backup copy): an absolute path whose folder exists, refused when it is the journal,
one of its side files or its lock, inside the data or backup folder, or not a
regular file, and refused when it exists unless the person said `--replace`.

Not a subcommand itself (it is not in `MODULES`)."""

from __future__ import annotations

from pathlib import Path

from trustdesk.commands._common import output_path
from trustdesk.storage.errors import OutputExists
from trustdesk.storage.output_guard import ProtectedPlaces


def guarded_output(text: str | Path, places: ProtectedPlaces, *, replace: bool = False,
                   as_folder: bool = False, can_replace: bool = True) -> Path:
    """`text` as the absolute path to write, checked against `places`
    (`JournalFolder.protected()`). Raises UsageError for a missing folder,
    OutputRefused or OutputExists otherwise (exit code 2). Call it before unlocking,
    for a quick answer, and again with the unlocked journal's places (they include
    the backup folder chosen in Settings) right before writing."""
    target = output_path(str(text))
    try:
        return places.check(target, replace=replace, folder=as_folder)
    except OutputExists as exc:
        if can_replace and not as_folder:
            raise OutputExists(f"{target} already exists; choose a new file name "
                               "(or add --replace).") from None
        raise exc from None
