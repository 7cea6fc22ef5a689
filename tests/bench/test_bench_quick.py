"""The benchmark keeps working: its quick mode runs end to end on a tiny journal and
writes every figure. It says nothing about speed (that is the benchmark's job)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _numbers(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from _numbers(item)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield value


@pytest.mark.slow
def test_the_quick_benchmark_runs_and_reports_every_figure(tmp_path):
    out = tmp_path / "quick.json"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick",
                           "--json", str(out)], capture_output=True, text=True, cwd=tmp_path,
                          timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    result = json.loads(out.read_text(encoding="utf-8"))

    journal = result["journal"]
    assert (journal["entries"], journal["worksheets"], journal["steps"]) == (73, 10, 6)
    assert journal["words"] >= 300
    # The FTS5 search and the LIKE scan find exactly the entries with the marker word.
    assert result["search"]["fts_hits"] == result["search"]["like_hits"] == journal["marked"]
    assert result["pdf"]["pages"] >= 1
    assert result["autosave"]["saves"] == min(200, journal["entries"])
    assert set(result["engines"]["phase_ms"]) == {"plain", "sqlcipher", "sqlcipher_small_cache"}
    for section in ("launch", "unlock", "progress", "memory"):
        assert result[section], section
    assert all(math.isfinite(n) and n >= 0 for n in _numbers(result))
    assert result["machine"]["cpus"] >= 1 and result["machine"]["qt"].startswith("6.")
    measures = [row["measure"] for row in result["table"]]
    assert len(measures) == len(set(measures)) >= 12
    assert "Launch: TrustDesk unlock screen painted" in done.stdout


def test_the_ten_year_journal_has_the_shape_the_benchmark_promises(tmp_path):
    """Deterministic from the seed, and at full size: 3,650 entries of ~300 words,
    520 worksheets, 300 steps (the newest 3 waiting for the Today page, the rest
    followed up), the marker word in 37 entries."""
    from datetime import date
    from random import Random

    from bench import tenyears

    shape = tenyears.Shape.scaled(1.0)
    today = date(2026, 11, 27)
    first = tenyears.entries(Random(7), shape, today)
    again = tenyears.entries(Random(7), shape, today)
    assert [e.body for e in first] == [e.body for e in again]
    assert len(first) == 3650 and first[-1].written_at.date() == today
    assert sum(tenyears.MARKER in e.body for e in first) == 37
    words = sum(len(e.body.split()) for e in first) / len(first)
    assert 300 <= words <= 360
    sheets = tenyears.worksheets(Random(7), shape, today)
    assert len(sheets) == 520
    steps = [s.step for s in sheets if s.step is not None]
    assert len(steps) == 300
    waiting = [step for step in steps if not step.is_followed_up]
    assert len(waiting) == tenyears.WAITING == 3
    assert all(step.is_due(today) for step in waiting)
