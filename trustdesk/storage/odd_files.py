"""What is at the journal's path, told apart before SQLite is let near it.

SQLite opens whatever it is given: a named pipe makes it wait forever for a
writer, a folder fails with a bare I/O error, and a text file or a damaged salt
comes back as "file is not a database", which reads as a wrong passphrase. So
`refuse_what_is_not_a_journal` looks first, without ever blocking (the path is
opened non-blocking, and only a regular file is read), and raises the typed error
with one plain sentence for each kind:

    folder, named pipe, socket, device   NotAVault ("... is a folder, not a file")
    ordinary SQLite database             NotAVault
    text, JSON                           NotAVault (JSON: perhaps an export)
    empty, shorter than a page, torn     VaultDamaged
    a salt no random draw could give     VaultDamaged (the start is damaged)
    unreadable (permissions, I/O)        StorageUnavailable

Pure function over one path; no key is derived, so it takes microseconds.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from trustdesk.storage import errors
from trustdesk.storage.vault import PAGE_SIZE, SQLITE_MAGIC

SALT_SIZE = 16
_TEXT_CONTROLS = frozenset(b"\t\n\r\f")

NOT_A_FILE = "The journal's place ({path}) holds {kind}, not a journal file."
PLAIN_DATABASE = "This is an ordinary, unencrypted database file, not a TrustDesk journal."
TEXT_FILE = "The journal file holds plain text, not an encrypted TrustDesk journal."
JSON_FILE = ("The journal file holds JSON text (perhaps an export), not an encrypted "
             "TrustDesk journal.")
EMPTY = "The journal file is empty; it may have been damaged."
CUT_SHORT = "The journal file is incomplete; it may have been cut short."
DAMAGED_START = "The start of the journal file is damaged, so it can't be opened safely."
UNREADABLE = "TrustDesk isn't allowed to read the journal file ({path})."


def kind_of(mode: int) -> str | None:
    """A few words for what a file of this `st_mode` is, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "something other than a file"


def refuse_what_is_not_a_journal(path: Path) -> None:
    """Raise the typed error for anything at `path` that can't be an encrypted
    TrustDesk journal; return for a file that may be one (the key decides)."""
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise errors.VaultMissing() from exc
    except OSError as exc:
        raise errors.StorageUnavailable(UNREADABLE.format(path=path)) from exc
    kind = kind_of(info.st_mode)
    if kind is not None:
        raise errors.NotAVault(NOT_A_FILE.format(path=path, kind=kind))
    head = _read_head(path)
    size = info.st_size
    if head.startswith(SQLITE_MAGIC):
        raise errors.NotAVault(PLAIN_DATABASE)
    if size == 0:
        raise errors.VaultDamaged(EMPTY)
    text = _as_text(head)
    if text is not None:
        raise errors.NotAVault(JSON_FILE if text.lstrip()[:1] in ("{", "[") else TEXT_FILE)
    if size < PAGE_SIZE or size % PAGE_SIZE:
        raise errors.VaultDamaged(CUT_SHORT)
    if len(set(head[:SALT_SIZE])) <= 2:
        raise errors.VaultDamaged(DAMAGED_START)


def _read_head(path: Path) -> bytes:
    """The first page, read without ever waiting: the file is opened non-blocking and
    checked to be a regular file before a byte is read (it may have been swapped
    since it was looked at)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise errors.StorageUnavailable(UNREADABLE.format(path=path)) from exc
        raise errors.StorageUnavailable() from exc
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind is not None:
            raise errors.NotAVault(NOT_A_FILE.format(path=path, kind=kind))
        return os.read(fd, PAGE_SIZE)
    except OSError as exc:
        raise errors.StorageUnavailable() from exc
    finally:
        os.close(fd)


def _as_text(head: bytes) -> str | None:
    """`head` as text when it is UTF-8 without control characters (an encrypted page
    never is), else None."""
    if not head:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # only a character cut at the end is forgiven
            return None
        text = head[:exc.start].decode("utf-8")
    if any(ord(c) < 32 and ord(c) not in _TEXT_CONTROLS for c in text):
        return None
    return text
