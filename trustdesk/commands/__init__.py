"""Subcommands of the `trustdesk` command, one module each.

Each module has `register(subparsers)`, which adds its parser and sets
`handler=run`; `run(args) -> int` does the work and returns an exit code. Typed
vault errors are turned into exit codes and one human line by `trustdesk.cli`.
"""

from __future__ import annotations

import sys

# Exit codes, documented in the README and in `trustdesk --help`.
OK = 0
UNEXPECTED = 1
USAGE = 2
WRONG_PASSPHRASE = 3
DAMAGED = 4
IN_USE = 5
TOO_NEW = 6
MISSING = 7
INVALID_FILE = 8
NO_DISPLAY = 9

EXIT_CODES_HELP = """exit codes:
  0  ok
  1  unexpected error
  2  usage error
  3  wrong passphrase, or not a TrustDesk journal
  4  the journal is damaged
  5  the journal is open in another TrustDesk window
  6  the journal was made by a newer TrustDesk
  7  there is no journal there yet
  8  the file to import isn't valid (nothing was imported)
  9  no display was found to open the window on
"""

# Order of the subcommands in --help.
# A name's module is the name with "-" as "_", plus "_" for a Python keyword
# ("import" lives in import_.py).
MODULES = ("init", "check", "backup", "restore", "export", "import", "summary",
           "desktop-entry")


def module_name(command: str) -> str:
    """The module under trustdesk.commands that implements `command`."""
    import keyword

    name = command.replace("-", "_")
    return name + "_" if keyword.iskeyword(name) else name


def warn(message: str) -> None:
    """One line on stderr that is not an error (the command goes on)."""
    print(f"trustdesk: {message}", file=sys.stderr, flush=True)


NO_PASSPHRASE = ("No passphrase was given: type it when asked, or send it as the first "
                 "line of standard input.")
NOT_UTF8 = ("The passphrase isn't valid UTF-8 text, so it can't be the journal's; check "
            "the encoding of the terminal or of what was piped in.")


def read_passphrase(prompt: str = "Passphrase: ", *, confirm: bool = False,
                    new: bool = False) -> str:
    """From the terminal without echo (asked twice when `confirm`), or else the first
    line of standard input, so scripts and tests can pipe it in.

    An empty passphrase or bytes that aren't UTF-8 are answered at once, before any
    key is derived: for a `new` passphrase as a UsageError (exit 2), else as
    WrongPassphrase (exit 3), each with a sentence saying which."""
    import getpass

    def fail(message: str) -> Exception:
        if new:
            return UsageError(message)
        from trustdesk.storage.errors import WrongPassphrase

        return WrongPassphrase(message)

    try:
        if sys.stdin is None or not sys.stdin.isatty():
            first = _first_line()
        else:
            first = getpass.getpass(prompt)
            if confirm and first:
                again = getpass.getpass("Repeat the passphrase: ")
                if again != first:
                    raise UsageError("The two passphrases don't match.")
    except UnicodeDecodeError:
        raise fail(NOT_UTF8) from None
    if not first:
        raise fail(NO_PASSPHRASE)
    return first


def _first_line() -> str:
    """The first line of standard input without its line ending, decoded as strict
    UTF-8 (raises UnicodeDecodeError); "" when there is none."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        line = sys.stdin.readline() if sys.stdin is not None else ""
        return line.removesuffix("\n").removesuffix("\r")
    raw: bytes = stream.readline()
    return raw.removesuffix(b"\n").removesuffix(b"\r").decode("utf-8", errors="strict")


class UsageError(Exception):
    """A mistake in how the command was called; printed, exit code 2."""
