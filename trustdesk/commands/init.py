"""`trustdesk init`: create a journal from a terminal."""

from __future__ import annotations

import argparse

from trustdesk.commands import OK, UsageError, read_passphrase
from trustdesk.domain.passphrase import problem_with_new
from trustdesk.storage.errors import VaultExists
from trustdesk.storage.store import JournalFolder


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "init", help="create a new encrypted journal",
        description="Create a new encrypted journal in the data folder. The passphrase "
                    "is asked twice without echo; when standard input is not a terminal, "
                    "its first line is the passphrase.")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    folder = JournalFolder(args.data_dir)
    if folder.has_journal():
        raise VaultExists(f"A TrustDesk journal already exists in {folder.root}.")
    passphrase = read_passphrase("New passphrase: ", confirm=True, new=True)
    problem = problem_with_new(passphrase, passphrase)
    if problem:
        raise UsageError(problem)
    with folder.lock():
        folder.create(passphrase).close()
    print(f"Created an encrypted journal in {folder.root}")
    return OK
