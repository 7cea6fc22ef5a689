"""Importing ten years from Day One: how long `trustdesk import` takes for a Day One
export of 3,650 entries (about 300 words each, tags, a photo in every tenth), from
reading the zip to the committed transaction, including the encrypted backup.

    python bench/import_dayone.py [--runs N] [--entries N]

Each run imports into a new journal (the moving-in case), then imports the same
zip again (nothing changes, so no backup is needed). Prints the median and the
spread of each, in seconds, with the CPU time of the first and the machine's load
(other work on the machine stretches the wall-clock time, not the CPU time). The
backup is made on a thread of its own beside the writing, so the process's CPU
time counts both; the importing thread's own CPU time is what the wall-clock time
comes to on an otherwise idle machine with a second core. The target (issue 18)
is 3 s or less.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import zipfile
from datetime import UTC, date
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import tenyears  # noqa: E402
from trustdesk.storage.store import JournalFolder  # noqa: E402

PASSPHRASE = "bench passphrase for the import"
BERLIN = ZoneInfo("Europe/Berlin")


def day_one_export(path: Path, count: int, seed: int) -> None:
    """A Day One export zip with `count` daily entries, as Day One writes them."""
    rng = random.Random(seed)
    shape = tenyears.Shape(entries=count, words=300, worksheets=1, steps=1,
                           marked=max(1, count // 100))
    items = []
    for index, entry in enumerate(tenyears.entries(rng, shape, date.today())):
        local = entry.written_at.replace(tzinfo=BERLIN)
        text = entry.body.replace(".", "\\.").replace("(", "\\(").replace(")", "\\)")
        if entry.title:
            text = f"# {entry.title}\n\n{text}"
        item = {"uuid": f"{rng.getrandbits(128):032X}", "starred": index % 50 == 0,
                "creationDate": local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "modifiedDate": local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "timeZone": "Europe/Berlin", "text": text, "tags": list(entry.tags),
                "creationDevice": "iPhone", "duration": 0}
        if index % 10 == 0:
            photo = f"{rng.getrandbits(128):032X}"
            item["text"] += f"\n\n![](dayone-moment://{photo})"
            item["photos"] = [{"identifier": photo, "type": "jpeg",
                               "md5": f"{rng.getrandbits(128):032x}"}]
        items.append(item)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Journal.json", json.dumps(
            {"metadata": {"version": "1.0"}, "entries": items}, indent=2, ensure_ascii=False))
        for item in items:
            for photo in item.get("photos", []):
                archive.writestr(f"photos/{photo['md5']}.jpeg", rng.randbytes(2048))


def one_run(zip_path: Path, work: Path) -> tuple[float, float, float, float, int]:
    """(seconds, process CPU seconds, importing thread's CPU seconds) of the first
    import, seconds of the second, entries added."""
    folder = JournalFolder(work)
    store = folder.create(PASSPHRASE)
    try:
        start, cpu, own = time.perf_counter(), time.process_time(), time.thread_time()
        result = store.exchange.apply_import(store.exchange.read_import(zip_path))
        first, first_cpu = time.perf_counter() - start, time.process_time() - cpu
        first_own = time.thread_time() - own
        start = time.perf_counter()
        again = store.exchange.apply_import(store.exchange.read_import(zip_path))
        second = time.perf_counter() - start
        assert again.changed == 0
        return first, first_cpu, first_own, second, result.entries.added
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--entries", type=int, default=3650)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="trustdesk-bench-import-") as tmp:
        zip_path = Path(tmp) / "Export - Journal.zip"
        day_one_export(zip_path, args.entries, args.seed)
        print(f"Day One export: {args.entries:,} entries, "
              f"{zip_path.stat().st_size / 1e6:.1f} MB zip", flush=True)
        firsts, cpus, owns, seconds = [], [], [], []
        for run in range(args.runs):
            first, cpu, own, second, added = one_run(zip_path, Path(tmp) / f"run{run}")
            assert added == args.entries, added
            firsts.append(first)
            cpus.append(cpu)
            owns.append(own)
            seconds.append(second)
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for label, values in (("import into a new journal, backup included", firsts),
                          ("  this process's CPU time (both threads)", cpus),
                          ("  the importing thread's CPU time", owns),
                          ("the same zip again (nothing changes)", seconds)):
        print(f"{label}: median {statistics.median(values):.2f} s "
              f"(min {min(values):.2f}, max {max(values):.2f}, {len(values)} runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
