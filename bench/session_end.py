"""How long the app takes from a signal to its exit, words saved and journal locked.

For each of SIGTERM, SIGHUP and SIGINT, starts the real app (through
tests/ui/session_end_app.py, offscreen) on a copy of a small journal that already
had today's backup, lets it type a sentence, sends the signal 100 ms later and
times the signal to the process's exit. Checks the exit status and that the words
were saved; prints medians. Asserts nothing about time.

    python bench/session_end.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import PASSPHRASE  # noqa: E402
from trustdesk.storage.store import JournalFolder  # noqa: E402


def one_run(template: Path, folder: Path, number: int) -> float:
    shutil.copytree(template, folder)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, str(ROOT / "tests/ui/session_end_app.py"),
                              str(folder), "Words typed just before the end."], env=env,
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "typed"
    time.sleep(0.1)
    started = time.perf_counter()
    child.send_signal(number)
    child.wait(timeout=60)
    elapsed = (time.perf_counter() - started) * 1000
    assert child.returncode == 128 + number, child.returncode
    store = JournalFolder(folder).unlock(PASSPHRASE)
    try:
        bodies = [entry.body for entry in store.journal.entries_between(None, None)]
    finally:
        store.close()
    assert "Words typed just before the end." in bodies
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="trustdesk-bench-end-") as tmp:
        template = Path(tmp) / "template"
        store = JournalFolder(template).create(PASSPHRASE)
        store.close()
        from trustdesk.storage.backups.folder import back_up_if_due

        store = JournalFolder(template).unlock(PASSPHRASE)
        try:  # today's backup exists, as on every launch after the first of the day
            back_up_if_due(store.vault, JournalFolder(template).backup_dir)
        finally:
            store.close()
        print(f"signal to exit, ms (median of {args.runs}; load average "
              f"{os.getloadavg()[0]:.1f})")
        for name in ("SIGTERM", "SIGHUP", "SIGINT"):
            times = [one_run(template, Path(tmp) / f"{name}-{run}", getattr(signal, name))
                     for run in range(args.runs)]
            print(f"  {name:7} {statistics.median(times):6.0f}   "
                  f"(runs: {', '.join(f'{t:.0f}' for t in times)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
