"""A separate process for export and import fault tests: it opens a real vault and
exports or imports until the test kills it. Run as
`python -m tests.storage.exchange_worker KIND PATH PASSPHRASE ARG`; it says "ready"
once the vault is open, then progress lines ("p 40", "json 70"), "rename NAME" right
before a finished temporary file or folder is renamed to NAME, and "done" lines,
each in lockstep with the test (see tests/storage/killing.py).

Kinds:
  export PATH P DIR     forever: everything as DIR/journal.json (replacing it), the
                        journal as DIR/one.md (replacing it) and as a new Markdown
                        folder DIR/md, DIR/md (2), ...
  import PATH P FILE    import FILE once (backup first, one transaction), then wait
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.storage.killing import say
from trustdesk.storage.private_files import new_folder_name
from trustdesk.storage.store import Store
from trustdesk.storage.vault import Vault


def announce_renames() -> None:
    """Say "rename NAME" before every rename into place (files, folders, backups)."""
    replace = os.replace

    def announced(source, target, **kwargs) -> None:
        say(f"rename {Path(target).name}")
        replace(source, target, **kwargs)
    os.replace = announced


def export_forever(path: Path, passphrase: str, folder: Path) -> None:
    with Vault.open(path, passphrase) as vault:
        store = Store.on(vault)
        say("ready")
        while True:
            store.exchange.export_json(folder / "journal.json", replace=True,
                                       report=lambda p: say(f"json {p}"))
            say("done json")
            store.exchange.export_markdown(folder / "one.md", single_file=True, replace=True,
                                           report=lambda p: say(f"one {p}"))
            say("done one")
            store.exchange.export_markdown(new_folder_name(folder, "md"),
                                           report=lambda p: say(f"p {p}"))
            say("done md")


def import_once(path: Path, passphrase: str, source: Path) -> None:
    with Vault.open(path, passphrase) as vault:
        store = Store.on(vault)
        say("ready")
        store.exchange.import_file(source, report=lambda p: say(f"p {p}"))
        say("done")


def main(argv: list[str]) -> None:
    kind, path, passphrase, arg = argv
    announce_renames()
    if kind == "export":
        export_forever(Path(path), passphrase, Path(arg))
    elif kind == "import":
        import_once(Path(path), passphrase, Path(arg))
    else:
        raise SystemExit(f"unknown kind {kind}")


if __name__ == "__main__":
    main(sys.argv[1:])
