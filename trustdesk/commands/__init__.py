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


def read_passphrase(prompt: str = "Passphrase: ", *, confirm: bool = False) -> str:
    """From the terminal without echo (asked twice when `confirm`), or else the first
    line of standard input, so scripts and tests can pipe it in."""
    import getpass

    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        return line.removesuffix("\n").removesuffix("\r")
    first = getpass.getpass(prompt)
    if confirm:
        again = getpass.getpass("Repeat the passphrase: ")
        if again != first:
            raise UsageError("The two passphrases don't match.")
    return first


class UsageError(Exception):
    """A mistake in how the command was called; printed, exit code 2."""
