"""One TrustDesk per data folder, enforced with an OS file lock.

The operating system drops the lock when the holding process ends, so a crash
never leaves a stale lock behind."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from trustdesk.storage.errors import StorageUnavailable, VaultInUse

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a named pipe in its place must not hang us
_READ_ONLY_ERRORS = (errno.EROFS, errno.EACCES, errno.EPERM)

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class InstanceLock:
    """Holds the data folder's lock file until `release()`; raises VaultInUse when
    another process (or another InstanceLock in this process) holds it.

    With `read_only` (for commands that only read), a lock file that can't be
    created or written because the folder is read-only is opened for reading, or,
    when there is none, not needed: nobody can write to that folder."""

    def __init__(self, lock_file: Path, *, read_only: bool = False) -> None:
        self.path = lock_file
        self._fd: int | None = None
        try:
            fd = os.open(lock_file, os.O_RDWR | os.O_CREAT | _NONBLOCK, 0o600)
        except OSError as exc:
            if exc.errno not in _READ_ONLY_ERRORS:
                raise
            if not read_only:
                raise StorageUnavailable() from exc
            try:
                fd = os.open(lock_file, os.O_RDONLY | _NONBLOCK)
            except FileNotFoundError:
                return
        if not _try_lock(fd):
            os.close(fd)
            raise VaultInUse()
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
