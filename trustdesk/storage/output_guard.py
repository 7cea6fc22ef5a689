"""Where a file the person asked for (an export, a summary PDF, a backup copy) must
never land: on the journal, its SQLite side files or its lock, anywhere inside the
data folder or the backup folder, or on anything that is not a regular file (a
device, a FIFO, a socket, a folder).

Places are compared by what they are on disk, (st_dev, st_ino) after following
links, never by name: a symlink or a hard link to the journal is the journal. For
"inside a folder", every folder from the target's own up to the root is compared.
A target that doesn't exist yet is judged by the folder it would go into.

Checks stat a handful of paths (tens of microseconds); call them just before
writing, and again after any wait (a dialog, unlocking), since the disk may change.

Threading: plain file work, any thread.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from trustdesk import paths
from trustdesk.storage.errors import OutputExists, OutputRefused
from trustdesk.storage.odd_files import kind_of

__all__ = ["OutputExists", "OutputRefused", "ProtectedPlaces"]

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

Identity = tuple[int, int]


def _identity(path: Path) -> Identity | None:
    """(device, inode) of what `path` points at, following links; None if absent."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


@dataclass(frozen=True)
class ProtectedPlaces:
    """The journal's files and folders, which nothing the person exports may touch."""

    journal: Path
    data_dir: Path
    backup_dirs: tuple[Path, ...] = ()

    @classmethod
    def around(cls, journal: Path, backup_dirs: Iterable[Path] = ()) -> ProtectedPlaces:
        """For the journal at `journal` (its folder is the data folder) and the
        folders its backups go to."""
        journal = Path(journal).absolute()
        return cls(journal, journal.parent, tuple(Path(d).absolute() for d in backup_dirs))

    # -- what is protected ---------------------------------------------------------
    def _journal_files(self) -> dict[Identity, str]:
        named = {self.journal: "the journal"}
        for suffix in SIDE_SUFFIXES:
            named[self.journal.with_name(self.journal.name + suffix)] = "a file of the journal"
        named[paths.lock_path(self.data_dir)] = "the journal's lock file"
        found: dict[Identity, str] = {}
        for path, words in named.items():
            identity = _identity(path)
            if identity is not None:
                found.setdefault(identity, words)
        return found

    def _folders(self) -> dict[Identity, str]:
        found: dict[Identity, str] = {}
        for path, words in ((self.data_dir, "the journal's folder"),
                            *((d, "the backup folder") for d in self.backup_dirs)):
            identity = _identity(path)
            if identity is not None:
                found.setdefault(identity, words)
        return found

    # -- checking ------------------------------------------------------------------
    def check(self, target: Path, *, replace: bool = False, folder: bool = False) -> Path:
        """Return `target` as an absolute path if a file (or, with `folder`, a new
        folder of files) may be written there; raise OutputRefused, or OutputExists
        when it exists and `replace` is False. A folder target may be an empty folder
        (never replaced otherwise); `replace` is for files only."""
        target = Path(target).absolute()
        try:
            link = os.lstat(target)
        except FileNotFoundError:
            link = None
        except OSError as exc:
            raise OutputRefused(f"TrustDesk can't look at {target} "
                                f"({(exc.strerror or 'error').lower()}).") from None
        folders = self._folders()
        if link is None:
            self._refuse_inside(target, folders)
            return target
        identity = _identity(target)
        if identity is None:
            raise OutputRefused(f"{target} is a link to nothing; choose another name.")
        files = self._journal_files()
        if identity in files:
            raise OutputRefused(f"{target} is {files[identity]}; writing there would "
                                "destroy your journal. Choose another file.")
        if identity in folders:
            raise OutputRefused(f"{target} is {folders[identity]}; choose another place.")
        self._refuse_inside(target, folders)
        mode = os.stat(target).st_mode
        if folder:
            if not stat.S_ISDIR(mode):
                raise OutputRefused(f"{target} is {kind_of(mode) or 'a file'}; "
                                    "give a new folder name.")
            if not stat.S_ISLNK(link.st_mode) and _empty(target):
                return target
            raise OutputExists(f"{target} already exists and isn't an empty folder; "
                               "choose a new folder name.")
        if not stat.S_ISREG(mode):
            raise OutputRefused(f"{target} is {kind_of(mode)}, not a file; give a file name.")
        if not replace:
            raise OutputExists(f"{target} already exists; choose a new file name.")
        return target

    @staticmethod
    def _refuse_inside(target: Path, folders: dict[Identity, str]) -> None:
        """Refuse when the folder `target` goes into, or any folder above it (after
        following links), is one of `folders`."""
        try:
            current = target.parent.resolve(strict=False)
        except (OSError, RuntimeError):
            current = target.parent
        while True:
            identity = _identity(current)
            if identity in folders:
                raise OutputRefused(f"{target} is inside {folders[identity]}, where only "
                                    "TrustDesk's own files belong; choose another folder.")
            if current.parent == current:
                return
            current = current.parent

    def check_backup_folder(self, folder: Path) -> Path:
        """Return `folder` if backups may go there: a folder (or one that doesn't exist
        yet), not the journal's own folder or anything inside it other than the usual
        `backups` folder, and not inside another place protected here."""
        folder = Path(folder).absolute()
        usual = paths.default_backup_dir(self.data_dir)
        if folder == usual or (_identity(folder) is not None
                               and _identity(folder) == _identity(usual)):
            return folder
        if os.path.lexists(folder) and not folder.is_dir():
            raise OutputRefused(f"{folder} is not a folder; choose a folder for backups.")
        data = {k: v for k, v in self._folders().items() if v == "the journal's folder"}
        identity = _identity(folder)
        if identity in data:
            raise OutputRefused("Backups can't go in the journal's own folder, where "
                                "earlier journals are kept; choose another folder.")
        self._refuse_inside(folder, data)
        return folder


def _empty(folder: Path) -> bool:
    try:
        with os.scandir(folder) as entries:
            return next(entries, None) is None
    except OSError:
        return False
