"""Typed storage errors. Each carries one plain sentence a person can act on; the
UI shows it and the command line prints it with the matching exit code."""

from __future__ import annotations


class VaultError(Exception):
    """Base class. `message` is safe to show: it never contains journal content."""

    message = "Something went wrong with the journal file."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.message)
        if message:
            self.message = message


class WrongPassphrase(VaultError):
    """The passphrase does not open the file, or the file is not a TrustDesk journal
    (SQLCipher cannot tell these apart)."""

    message = "That passphrase doesn't unlock this journal."


class NotAVault(VaultError):
    """The file is readable but is not a TrustDesk journal (say, a plain SQLite file)."""

    message = "This file is not a TrustDesk journal."


class VaultDamaged(VaultError):
    message = "The journal file is damaged and can't be opened safely."


class VaultInUse(VaultError):
    message = "This journal is already open in another TrustDesk window."


class VaultTooNew(VaultError):
    message = ("This journal was saved by a newer version of TrustDesk. "
               "Please update TrustDesk to open it; the file was not changed.")


class VaultMissing(VaultError):
    message = "There is no TrustDesk journal here yet."


class VaultExists(VaultError):
    message = "A TrustDesk journal already exists here."


class VaultLocked(VaultError):
    message = "The journal is locked."


class StorageFull(VaultError):
    message = ("The disk is full, so TrustDesk couldn't save. Your words are still "
               "here; free some space and TrustDesk will save them.")


class StorageUnavailable(VaultError):
    message = ("TrustDesk can't write to the journal's folder right now (it may be "
               "read-only or disconnected). Your words are kept until it can.")


class OutputRefused(VaultError):
    """A file the person asked for would land on the journal, its side files or lock,
    inside the data or backup folder, or on something that is not a regular file."""

    message = "TrustDesk won't write there; choose another file."


class OutputExists(VaultError):
    """The output exists and the person didn't ask to replace it."""

    message = "That file already exists; choose a new name."
