"""The editor benchmark keeps working: a small entry, a few runs and keys, every
figure reported. It says nothing about speed (that is the benchmark's job)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_editor_benchmark_runs_and_reports_every_figure(tmp_path):
    out = tmp_path / "editor.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "editor_typing.py"), "--words", "400",
         "--runs", "2", "--keys", "30", "--json", str(out)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["entry"]["words"] >= 400
    for figure in ("open", "open_cpu", "typing", "typing_cpu"):
        assert result[figure]["runs"] >= 2 and result[figure]["p95_ms"] >= 0
    assert result["typing"]["runs"] == 30
