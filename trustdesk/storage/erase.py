"""Erase everything: the journal, its side files, earlier journals kept beside it,
and its backups. Only files TrustDesk made are removed, matched by name; anything
else a person keeps in those folders is left alone, and so are backups of other
journals sharing a backup folder (see `backups.is_ours`).

Threading: plain file work; the journal must be closed first.
"""

from __future__ import annotations

import re
import shutil
from contextlib import suppress
from pathlib import Path

from trustdesk import paths
from trustdesk.storage.backups.folder import is_ours, list_backups, parse
from trustdesk.storage.backups.snapshot import PARTIAL_SUFFIX
from trustdesk.storage.vault import SIDE_SUFFIXES, side_file

_OURS_BESIDE = re.compile(r"^journal(-[0-9T-]+-[a-z0-9-]+(\.[0-9a-f]{8})?)?\.trustdesk"
                          r"(-wal|-shm|-journal|\.new|\.restoring|\.partial)?"
                          r"(\.set-aside-[0-9TZ-]+)?$")  # logs set aside (log_guard)


def erase_everything(data_dir: Path, backup_dirs: list[Path],
                     journal: str | None = None) -> list[Path]:
    """Delete backups first and the journal last, so an interruption leaves the
    journal in place (and the person can try again). `journal` is the journal's
    short id (`backups.short_journal_id`): in a backup folder other than the usual
    one inside `data_dir`, only copies carrying it are removed. Returns what was
    removed."""
    removed: list[Path] = []

    def remove(path: Path) -> None:
        if path.is_file() or path.is_symlink():
            path.unlink(missing_ok=True)
            removed.append(path)

    usual = paths.default_backup_dir(Path(data_dir)).absolute()
    for folder in backup_dirs:
        own = Path(folder).absolute() == usual
        for info in list_backups(folder):
            if is_ours(info, journal, usual_folder=own):
                remove(info.path)
        for leftover in Path(folder).glob(f"journal-*.trustdesk{PARTIAL_SUFFIX}"):
            partial = parse(leftover.with_name(leftover.name.removesuffix(PARTIAL_SUFFIX)))
            if partial is not None and is_ours(partial, journal, usual_folder=own):
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
