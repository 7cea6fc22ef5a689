"""Erase everything: the journal, its side files, earlier journals kept beside it,
and its backups. Only files TrustDesk made are removed, matched by name; anything
else a person keeps in those folders is left alone.

Threading: plain file work; the journal must be closed first.
"""

from __future__ import annotations

import re
import shutil
from contextlib import suppress
from pathlib import Path

from trustdesk import paths
from trustdesk.storage.backup import PARTIAL_SUFFIX
from trustdesk.storage.backups import list_backups
from trustdesk.storage.vault import SIDE_SUFFIXES, side_file

_OURS_BESIDE = re.compile(r"^journal(-[0-9T-]+-[a-z0-9-]+)?\.trustdesk"
                          r"(-wal|-shm|-journal|\.new|\.restoring|\.partial)?"
                          r"(\.set-aside-[0-9TZ-]+)?$")  # logs set aside (log_guard)


def erase_everything(data_dir: Path, backup_dirs: list[Path]) -> list[Path]:
    """Delete backups first and the journal last, so an interruption leaves the
    journal in place (and the person can try again). Returns what was removed."""
    removed: list[Path] = []

    def remove(path: Path) -> None:
        if path.is_file() or path.is_symlink():
            path.unlink(missing_ok=True)
            removed.append(path)

    for folder in backup_dirs:
        for info in list_backups(folder):
            remove(info.path)
        for leftover in Path(folder).glob(f"journal-*.trustdesk{PARTIAL_SUFFIX}"):
            remove(leftover)
        with suppress(OSError):
            Path(folder).rmdir()  # only when nothing of the person's is left in it
    vault = paths.vault_path(data_dir)
    beside = sorted(p for p in Path(data_dir).glob("journal*")
                    if _OURS_BESIDE.match(p.name) and p != vault
                    and p not in {side_file(vault, s) for s in SIDE_SUFFIXES})
    for path in beside:
        remove(path)
    remove(paths.window_state_path(data_dir))
    shutil.rmtree(data_dir / ".qt", ignore_errors=True)
    for suffix in SIDE_SUFFIXES:
        remove(side_file(vault, suffix))
    remove(vault)
    return removed
