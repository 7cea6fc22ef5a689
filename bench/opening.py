"""What the rollback guard and the read-only checks cost, and what they prevent.

    python bench/opening.py [--entries N] [--runs N]

On a journal of N daily entries (default 2,000, about 300 words each), medians of
`--runs` (default 5):

- open + close a cleanly closed journal (no log beside it);
- open + close with a crash log beside it (the log of 200 entries written in a
  session that never closed: key derivation for the side-file check comes first);
- `check` as the command line runs it (unlock with the page check, then the checks);
- unlocking with the page check for a command that writes (`import`);
- the rollback scenario of issue 13: 80 entries written while open, the folder
  copied, 40 more, closed, the copied log put back: how many entries the next
  opening shows.

Only public storage calls are used, so the same script measures an older checkout
(set PYTHONPATH to it) for a before/after table. Prints JSON.
"""

from __future__ import annotations

import argparse
import inspect
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(ROOT))

from tests.journal_data import generated_entries  # noqa: E402
from trustdesk.storage.store import JournalFolder  # noqa: E402
from trustdesk.storage.vault import Vault  # noqa: E402

PASSPHRASE = "bench passphrase for opening"


def median_ms(runs: int, setup: Callable[[], None], work: Callable[[], None]) -> float:
    times = []
    for _ in range(runs):
        setup()
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def copy_journal(source: Path, target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()
    for item in source.iterdir():
        if item.name.startswith("journal.trustdesk"):
            shutil.copy(item, target / item.name)


def rollback_scenario(folder: Path) -> int:
    folder.mkdir()
    JournalFolder(folder).create(PASSPHRASE).close()
    entries = generated_entries(120, seed=3)
    store = JournalFolder(folder).unlock(PASSPHRASE, check_pages=False)
    for entry in entries[:80]:
        store.journal.save(entry)
    earlier = folder.with_name("earlier")
    copy_journal(folder, earlier)
    for entry in entries[80:]:
        store.journal.save(entry)
    store.close()
    for suffix in ("-wal", "-shm"):
        shutil.copy(earlier / f"journal.trustdesk{suffix}", folder / f"journal.trustdesk{suffix}")
    store = JournalFolder(folder).unlock(PASSPHRASE, check_pages=False)
    try:
        return store.journal.count()
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        base.mkdir()
        JournalFolder(base).create(PASSPHRASE).close()
        store = JournalFolder(base).unlock(PASSPHRASE, check_pages=False)
        store.journal.save_many(generated_entries(args.entries, words=300))
        store.close()
        crash = Path(tmp) / "crash-template"
        crash.mkdir()
        shutil.copy(base / "journal.trustdesk", crash / "journal.trustdesk")
        store = JournalFolder(crash).unlock(PASSPHRASE, check_pages=False)
        for entry in generated_entries(200, seed=11, words=300):
            store.journal.save(entry.edited(id="crash" + entry.id))
        crashed = Path(tmp) / "crashed"
        copy_journal(crash, crashed)  # the session never closes: its log stays
        store.close()
        work = Path(tmp) / "work"
        path = work / "journal.trustdesk"

        def open_close() -> None:
            Vault.open(path, PASSPHRASE).close()

        reads_only = "read_only" in inspect.signature(JournalFolder.unlock).parameters

        def check() -> None:  # as `trustdesk check` does it
            extra = {"read_only": True} if reads_only else {}
            store = JournalFolder(work).unlock(PASSPHRASE, **extra)
            try:
                assert store.vault.check() == []
            finally:
                store.close()

        def unlock_checked_for_writing() -> None:  # as `trustdesk import` does it
            JournalFolder(work).unlock(PASSPHRASE).close()

        figures = {
            "entries": args.entries,
            "file_mb": round(path.parent.parent.joinpath("base", "journal.trustdesk")
                             .stat().st_size / 1e6, 1),
            "crash_log_mb": round((crashed / "journal.trustdesk-wal").stat().st_size / 1e6, 1),
            "open_close_clean_ms": median_ms(args.runs, lambda: copy_journal(base, work),
                                             open_close),
            "open_close_crash_log_ms": median_ms(args.runs,
                                                 lambda: copy_journal(crashed, work),
                                                 open_close),
            "check_clean_ms": median_ms(args.runs, lambda: copy_journal(base, work), check),
            "check_crash_log_ms": median_ms(args.runs, lambda: copy_journal(crashed, work),
                                            check),
            "unlock_checked_for_writing_ms": median_ms(
                args.runs, lambda: copy_journal(base, work), unlock_checked_for_writing),
            "rollback_entries_after_120": rollback_scenario(Path(tmp) / "rollback"),
        }
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
