"""`trustdesk restore FILE`: put a backup in place of the journal."""

from __future__ import annotations

import argparse

from trustdesk.commands import OK, read_passphrase
from trustdesk.commands._common import input_file
from trustdesk.paths import ensure_private_dir
from trustdesk.storage.restore import restore_backup
from trustdesk.storage.store import JournalFolder


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "restore", help="replace the journal with a backup",
        description="Check that FILE is a healthy TrustDesk backup that opens with the "
                    "passphrase (the backup's passphrase), then put it in place of the "
                    "journal. The current journal is kept beside it under a new name, "
                    "never deleted.")
    parser.add_argument("file", metavar="FILE", help="the backup to restore")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    backup = input_file(args.file)
    folder = JournalFolder(args.data_dir)
    ensure_private_dir(folder.root)
    with folder.lock():
        kept = restore_backup(folder.vault_path, backup, read_passphrase())
    print(f"Restored {backup.name}.")
    if kept is not None:
        print(f"Your previous journal was kept as {kept}")
    return OK
