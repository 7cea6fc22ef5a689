"""What the command line says, written for a terminal.

Storage errors carry sentences written for the app ("Your words are kept until it
can" is true of the app's autosave, not of a command that has stopped). Here each
kind that needs it gets the sentence a person at a terminal can act on; any other
error keeps its own message. Old write-ahead logs found while opening are named
here too."""

from __future__ import annotations

from trustdesk.storage import errors
from trustdesk.storage.vault import OldLog

_FOR_THE_TERMINAL: tuple[tuple[type[errors.VaultError], str], ...] = (
    (errors.StorageFull, "The disk is full, so the command stopped; nothing was changed. "
                         "Free some space and run it again."),
    (errors.StorageUnavailable, "The journal's folder can't be used right now (it may be "
                                "read-only or disconnected), so the command stopped; "
                                "nothing was changed."),
    (errors.VaultInUse, "The journal is already open in TrustDesk (the app or another "
                        "command). Close it there, then run this again."),
)


def cli_message(error: errors.VaultError) -> str:
    """The one line to print for `error`."""
    if type(error).message != error.message:  # a sentence chosen where it was raised
        return error.message
    for kind, text in _FOR_THE_TERMINAL:
        if isinstance(error, kind):
            return text
    return error.message


def old_log_notice(old: OldLog) -> str:
    """Why a write-ahead log beside the journal was not used."""
    if old.moved:
        return (f"a log file from an earlier moment of this journal (perhaps put back by a "
                f"sync or backup tool) was found beside it; it was not used, so nothing "
                f"went back in time. It was moved to {old.path} (nothing was deleted).")
    return (f"a log file from an earlier moment of this journal lies beside it ({old.path}); "
            "it was not used, so nothing went back in time. Opening the journal in the "
            "app or with a command that writes moves it aside.")
