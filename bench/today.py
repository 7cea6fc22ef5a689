"""How quickly the Today page is on screen after unlocking the ten-year journal.

    python bench/today.py [--journal DIR] [--runs N] [--scale S] [--profile FILE] [--json FILE]

The same figure as `bench/run.py`'s "Today page painted after unlock", on its own
(run.py takes minutes for every other figure too): the real window, unlocked as a
person does (passphrase typed, Unlock pressed), from the session's move to
"unlocked" (the journal is open) until the workspace with the Today page is built,
filled and painted: the first frame, which has the date, the waiting steps and
the check-in. Then "complete": until the sections below (the prompt, On this day,
Continue reading, built just after that frame) are built, filled and painted too.
Also Today shown again from the Journal (every part read afresh). Each span is
wall-clock time and the UI thread's CPU time (on a busy machine the CPU time is
the one to read).

The ten-year journal (bench/tenyears.py, seed 2026 as run.py) is written into
`--journal DIR` if that folder has none yet, and reused if it has: the next run
starts at once. Without `--journal`, a temporary folder. `--profile FILE` writes
a cProfile of every run's unlock span (read it with `python -m pstats FILE`).
Target (issue 16): <= 50 ms after unlock. Prints JSON.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSPHRASE = "ten years of small steps"   # run.py's; nothing private
WINDOW = (1280, 800)


def _stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"median_ms": round(statistics.median(ordered), 1),
            "min_ms": round(ordered[0], 1), "max_ms": round(ordered[-1], 1)}


def _journal(folder_path: Path, scale: float) -> int:
    """The ten-year journal in `folder_path`, written now unless it is there."""
    from bench import tenyears
    from trustdesk.storage.store import JournalFolder

    folder = JournalFolder(folder_path)
    if folder.vault_path.exists():
        return -1
    print(f"Writing the journal into {folder_path} …", file=sys.stderr, flush=True)
    store = folder.create(PASSPHRASE)
    try:
        written = tenyears.fill(store, tenyears.Shape.scaled(scale), seed=2026,
                                today=date.today())
    finally:
        store.close()
    return written.entries


def measure(folder_path: Path, runs: int, profile: cProfile.Profile | None) -> dict:
    from bench.probes import _close, _settle, _typing_the_passphrase, _wait
    from trustdesk.storage.store import JournalFolder
    from trustdesk.ui import tasks
    from trustdesk.ui.app import create_application
    from trustdesk.ui.shell.session import State
    from trustdesk.ui.shell.window import MainWindow

    app = create_application(sys.argv[:1])
    _typing_the_passphrase(app)
    folder = JournalFolder(folder_path)
    after_wall, after_cpu, again_wall, again_cpu = [], [], [], []
    complete_wall: list[float] = []
    complete_cpu: list[float] = []
    due = 0
    for _run in range(runs):
        window = MainWindow(folder)
        window.resize(*WINDOW)
        window.show()
        _settle(app, 100)
        opened: list[tuple[float, float]] = []
        session = window.session
        original = session._move

        def timed(state, *args, original=original, opened=opened, **kwargs):
            if state is State.UNLOCKED:
                opened.append((time.perf_counter(), time.thread_time()))
                if profile is not None:
                    profile.enable()
            return original(state, *args, **kwargs)

        session._move = timed
        window.unlock_screen.passphrase.setText(PASSPHRASE)
        window.unlock_screen.unlock_button.click()
        _wait(app, lambda w=window: w.session.is_unlocked() and w.workspace is not None
              and w.workspace.current_key() == "today", wake=session.unlocked)
        window.repaint()
        wall, cpu = time.perf_counter(), time.thread_time()
        if profile is not None:
            profile.disable()
        after_wall.append((wall - opened[-1][0]) * 1000)
        after_cpu.append((cpu - opened[-1][1]) * 1000)
        page = window.workspace.page("today")
        complete = getattr(page, "is_complete", lambda: True)   # older checkouts
        _wait(app, complete, wake=getattr(page, "completed", None))
        window.repaint()
        complete_wall.append((time.perf_counter() - opened[-1][0]) * 1000)
        complete_cpu.append((time.thread_time() - opened[-1][1]) * 1000)
        tasks.wait_for_all()          # the daily backup and page check, off the clock
        _settle(app, 300)             # whatever the page deferred
        workspace = window.workspace
        assert workspace is not None
        workspace.show_page("journal")
        app.processEvents()
        wall, cpu = time.perf_counter(), time.thread_time()
        workspace.show_page("today")
        window.repaint()
        again_wall.append((time.perf_counter() - wall) * 1000)
        again_cpu.append((time.thread_time() - cpu) * 1000)
        due = workspace.page("today").due_count()   # type: ignore[attr-defined]
        _close(app, window)
    return {"after_unlock": {**_stats(after_wall), "cpu": _stats(after_cpu)},
            "complete": {**_stats(complete_wall), "cpu": _stats(complete_cpu)},
            "again": {**_stats(again_wall), "cpu": _stats(again_cpu)},
            "runs_ms": [round(t, 1) for t in after_wall],
            "runs_cpu_ms": [round(t, 1) for t in after_cpu],
            "due_steps": due}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journal", type=Path, help="folder to keep the journal in")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    profile = cProfile.Profile() if args.profile else None
    with tempfile.TemporaryDirectory(prefix="trustdesk-today-") as tmp:
        folder = args.journal or Path(tmp) / "data"
        folder.mkdir(parents=True, exist_ok=True)
        _journal(folder, args.scale)
        result = measure(folder, args.runs, profile)
    result["target_ms"] = 50
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    if profile is not None:
        profile.dump_stats(str(args.profile))
    text = json.dumps(result, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
