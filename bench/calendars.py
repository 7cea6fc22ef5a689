"""How quickly the calendars paint on ten years of daily writing.

    python bench/calendars.py [--scale S] [--runs N] [--json FILE]

Builds the benchmark journal (bench/tenyears.py: 3,650 daily entries, most rated)
in a temporary folder, unlocks it, and measures offscreen in the light theme:

- month: the Journal's month calendar (`MonthPanel`, 420x360) moved to another
  month (its one query, `JournalRepository.days`) and painted (a synchronous
  repaint), once per month of the ten years, `--runs` passes;
- year: the Progress page's year in pixels (`YearCard`, 1000 wide) moved to another
  year (one query) and painted, for each of the ten years.

Each figure is wall-clock time and the main thread's CPU time over the same span.
Targets (issue 16): year view <= 50 ms, month view <= 50 ms. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSPHRASE = "benchmark passphrase for calendars"


def _stats(walls: list[float], cpus: list[float]) -> dict[str, float]:
    walls, cpus = sorted(walls), sorted(cpus)
    p95 = max(0, round(len(walls) * 0.95) - 1)
    return {"median_ms": round(statistics.median(walls), 2),
            "p95_ms": round(walls[p95], 2), "max_ms": round(walls[-1], 2),
            "cpu_median_ms": round(statistics.median(cpus), 2), "samples": len(walls)}


def _timed(action) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.thread_time()
    action()
    return (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from bench.tenyears import Shape, fill
    from trustdesk.domain.calendar import add_months
    from trustdesk.storage.store import JournalFolder
    from trustdesk.storage.vault import Vault
    from trustdesk.ui import theme
    from trustdesk.ui.journal.month_view import MonthPanel
    from trustdesk.ui.progress.year_view import YearCard

    app = QApplication.instance() or QApplication([])
    theme.apply(app, theme="light", text_scale=100)
    today = date.today()
    with tempfile.TemporaryDirectory() as folder:
        Vault.create(Path(folder) / "journal.trustdesk", PASSPHRASE).close()
        store = JournalFolder(Path(folder)).unlock(PASSPHRASE)
        try:
            written = fill(store, Shape.scaled(args.scale), seed=7, today=today)
            months = 12 * 10
            panel = MonthPanel(store.journal.days, lambda: today)
            panel.resize(420, 360)
            panel.show()
            panel.load()
            app.processEvents()
            month_wall, month_cpu = [], []
            for _ in range(args.runs):
                day = today
                for _step in range(months):
                    day = add_months(day, -1)

                    def move(day: date = day) -> None:
                        panel.view.go_to(day)
                        panel.repaint()
                        panel.view.viewport().repaint()
                    wall, cpu = _timed(move)
                    month_wall.append(wall)
                    month_cpu.append(cpu)
            card = YearCard(store.journal.days, lambda: today)
            card.resize(1000, 420)
            card.show()
            card.load()
            app.processEvents()
            year_wall, year_cpu = [], []
            for _ in range(args.runs):
                for year in range(today.year - 9, today.year + 1):
                    def show(year: int = year) -> None:
                        card.show_year(year)
                        card.repaint()
                        card.grid.repaint()
                    wall, cpu = _timed(show)
                    year_wall.append(wall)
                    year_cpu.append(cpu)
            result = {"entries": written.entries, "month": _stats(month_wall, month_cpu),
                      "year": _stats(year_wall, year_cpu),
                      "targets_ms": {"month": 50, "year": 50},
                      "load_average": os.getloadavg()[0]}
            for widget in (panel, card):   # gone before the store and the app
                widget.close()
                widget.deleteLater()
            app.processEvents()
        finally:
            store.close()
    text = json.dumps(result, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
