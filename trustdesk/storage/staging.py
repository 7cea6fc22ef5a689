"""Whole files or none: a journal file (a new vault, a backup, a restored copy) is
built under a temporary name beside its target, flushed to disk, then renamed into
place, so a crash leaves either nothing or the complete file at the target.

Threading: plain file work, any thread.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make a rename or new name in `folder` survive a power cut (no-op on Windows)."""
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def staged_file(target: Path, suffix: str) -> Iterator[Path]:
    """Yield a new, empty file beside `target`, named `target` plus `suffix` and
    readable only by this user (0600); a leftover of an earlier attempt is removed
    first. The block fills the file. When the block ends normally, the file is
    flushed to disk, renamed over `target` and the folder synced; when anything
    raises, the staged file is removed and the error passes on unchanged."""
    staging = target.with_name(target.name + suffix)
    try:
        staging.unlink(missing_ok=True)
        os.close(os.open(staging, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        yield staging
        with open(staging, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(staging, target)
        fsync_dir(target.parent)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise


def move_without_overwriting(source: Path, target: Path) -> None:
    """Rename `source` to `target`, failing if `target` exists (a hard link refuses
    an existing name; filesystems without links fall back to a checked rename)."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        if target.exists():
            raise FileExistsError(target) from None
        os.rename(source, target)
        return
    os.unlink(source)
