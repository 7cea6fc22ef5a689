"""Writing plaintext a person asked for (exports) without ever leaving half a file.

A file is written to a hidden temporary name beside its target
(`.<name>.<8 hex>.partial`), flushed to disk, then renamed into place; a folder
of files is built the same way under a hidden temporary folder and renamed as a
whole. Files are created 0600 and folders 0700. A process killed midway leaves
at most a hidden `.partial` leftover, which the next export to the same name
removes; the target is either absent, as it was, or complete.

Threading: plain file work, any thread.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from trustdesk.storage import errors
from trustdesk.storage.staging import fsync_dir

PARTIAL = ".partial"
_NAME_CHARS = 100

EXPORT_FULL = ("The disk is full, so the export wasn't written. Your journal itself is "
               "fine; free some space and try again.")
EXPORT_UNAVAILABLE = ("TrustDesk can't write to that folder (it may be read-only or "
                      "disconnected), so the export wasn't written. Your journal is fine.")


def _temp_name(name: str) -> str:
    return f".{name[:_NAME_CHARS]}.{secrets.token_hex(4)}{PARTIAL}"


def _leftover_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(name[:_NAME_CHARS])}\.[0-9a-f]{{8}}{re.escape(PARTIAL)}$")


def remove_leftovers(target: Path) -> list[Path]:
    """Delete temporary files or folders that an interrupted export to `target` left.
    Only one export of a journal runs at a time (the instance lock), so any match is
    stale."""
    pattern = _leftover_pattern(target.name)
    removed: list[Path] = []
    try:
        children = list(target.parent.iterdir())
    except OSError:
        return removed
    for child in children:
        if pattern.match(child.name):
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
            removed.append(child)
    return removed


def _translate(exc: OSError, target: Path) -> errors.VaultError:
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return errors.StorageFull(EXPORT_FULL)
    if exc.errno in (errno.EEXIST, errno.ENOTEMPTY):
        return errors.VaultExists(f"{target.name} already exists; choose a new name.")
    return errors.StorageUnavailable(EXPORT_UNAVAILABLE)


def _write_new(path: Path, data: bytes) -> None:
    """Create `path` (it must not exist) as 0600 and write `data` to disk."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        if os.name != "nt":
            os.fchmod(fd, 0o600)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def _check_target(target: Path, *, replace: bool, folder: bool = False) -> None:
    if not target.parent.is_dir():
        raise errors.StorageUnavailable(f"The folder {target.parent} doesn't exist.")
    if not target.exists() and not target.is_symlink():
        return
    if folder and target.is_dir() and not target.is_symlink() and not any(target.iterdir()):
        return  # an empty folder is replaced by the rename
    if replace and not folder and target.is_file():
        return
    raise errors.VaultExists(f"{target.name} already exists; choose a new name.")


def write_private_file(target: Path, data: bytes, *, replace: bool = False) -> Path:
    """Write `data` to `target` through a temporary file and a rename. With `replace`,
    an existing file is replaced as a whole (never truncated first)."""
    target = Path(target)
    _check_target(target, replace=replace)
    remove_leftovers(target)
    temp = target.parent / _temp_name(target.name)
    try:
        _write_new(temp, data)
        os.replace(temp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise _translate(exc, target) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def write_private_folder(target: Path, files: Iterable[tuple[str, bytes]], *,
                         report: Callable[[int], None] | None = None,
                         count: int = 0) -> Path:
    """Create the folder `target` (absent, or an empty folder) holding `files`
    (name, bytes): built under a hidden temporary folder, then renamed into place.
    `report(n)` is called after each file, `count` being how many to expect."""
    target = Path(target)
    _check_target(target, replace=False, folder=True)
    remove_leftovers(target)
    temp = target.parent / _temp_name(target.name)
    try:
        os.mkdir(temp, 0o700)
        if os.name != "nt":
            os.chmod(temp, 0o700)
        for done, (name, data) in enumerate(files, start=1):
            if Path(name).name != name or name.startswith("."):
                raise ValueError(f"unsafe file name {name!r}")
            _write_new(temp / name, data)
            if report is not None:
                report(done)
        fsync_dir(temp)
        os.replace(temp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise _translate(exc, target) from exc
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return target


def new_folder_name(parent: Path, stem: str) -> Path:
    """`parent/stem`, or `parent/stem (2)` and so on: a folder name not yet taken."""
    candidate, number = Path(parent) / stem, 2
    while candidate.exists() or candidate.is_symlink():
        candidate = Path(parent) / f"{stem} ({number})"
        number += 1
    return candidate
