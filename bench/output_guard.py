"""Two small measurements for the output guard and shared backup folders (no Qt,
no journal needed; a few seconds):

    python bench/output_guard.py

1. The cost of `ProtectedPlaces.check` per call, in microseconds (median of many),
   for a new file outside the data folder, an existing file with --replace, and a
   refused target (the journal through a symlink), beside the name checks the
   commands made before.
2. Rotation in a backup folder shared by two journals over 20 days (one backup a
   day each): how many of each journal's copies are left when rotation looks at
   every copy in the folder (how it worked before backups carried an id) and when
   it only looks at its own.
Prints one JSON object."""

from __future__ import annotations

import contextlib
import json
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from trustdesk.storage.backups.folder import list_backups, prune, to_remove
from trustdesk.storage.backups.snapshot import backup_name
from trustdesk.storage.errors import OutputRefused
from trustdesk.storage.output_guard import ProtectedPlaces


def per_call_us(check, rounds: int = 20, calls: int = 500) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            check()
        samples.append((time.perf_counter() - start) / calls * 1e6)
    return round(statistics.median(samples), 1)


def guard_cost(root: Path) -> dict[str, float]:
    data = root / "data"
    (data / "backups").mkdir(parents=True)
    journal = data / "journal.trustdesk"
    journal.write_bytes(b"x" * 4096)
    (data / "trustdesk.lock").write_bytes(b"")
    out = root / "home" / "Documents" / "exports"
    out.mkdir(parents=True)
    existing = out / "old.json"
    existing.write_text("{}")
    (out / "link.json").symlink_to(journal)
    places = ProtectedPlaces.around(journal, [data / "backups"])

    def refused() -> None:
        with contextlib.suppress(OutputRefused):
            places.check(out / "link.json", replace=True)

    def before() -> None:  # what the commands checked before the guard
        target = (out / "new.json").absolute()
        target.parent.is_dir()
        target.exists()

    return {"before_name_checks_us": per_call_us(before),
            "new_file_us": per_call_us(lambda: places.check(out / "new.json")),
            "replace_existing_us": per_call_us(lambda: places.check(existing, replace=True)),
            "refused_symlink_us": per_call_us(refused)}


def rotation(root: Path, *, by_id: bool) -> dict[str, int]:
    folder = root / ("by-id" if by_id else "whole-folder")
    folder.mkdir()
    start = datetime(2026, 3, 1, 9)
    for day in range(20):
        for hour, journal in ((0, "aaaaaaaa"), (1, "bbbbbbbb")):
            when = start + timedelta(days=day, hours=hour)
            made = folder / backup_name("daily", when, journal)
            made.write_bytes(b"copy")
            if by_id:
                prune(folder, today=when.date(), keep=made, journal=journal,
                      usual_folder=False)
            else:  # what rotation did before: every copy in the folder counted as ours
                for info in to_remove(list_backups(folder), when.date()):
                    if info.path != made:
                        info.path.unlink()
    kept = list_backups(folder)
    return {journal: sum(1 for info in kept if info.journal == journal)
            for journal in ("aaaaaaaa", "bbbbbbbb")}


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        result = {"guard": guard_cost(root),
                  "rotation_kept_per_journal": {
                      "before (whole folder)": rotation(root, by_id=False),
                      "after (own copies only)": rotation(root, by_id=True)}}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
