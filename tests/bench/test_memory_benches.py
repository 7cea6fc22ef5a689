"""The memory benchmarks keep working: bench/memory_security.py in its quick mode,
and bench/memory_scan.py, which reads the app's memory (root or CAP_SYS_PTRACE).
They say nothing about speed; the scan's counts are reported, not judged here (the
live-object check after Lock is tests/ui/test_lock_memory.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "bench" / script), *args],
                          capture_output=True, text=True, timeout=600, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.slow
def test_the_memory_security_benchmark_measures_both_modes(tmp_path):
    out = tmp_path / "ms.json"
    done = run("memory_security.py", "--quick", "--json", str(out))
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert set(result["off"]) == set(result["on"]) >= {"autosave_p50_ms", "unlock_ms"}
    assert result["on"]["saves"] == result["off"]["saves"] == 100


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux") or os.geteuid() != 0,
                    reason="reading another process's memory needs root or CAP_SYS_PTRACE")
def test_the_memory_scan_counts_at_every_step(tmp_path):
    out = tmp_path / "scan.json"
    done = run("memory_scan.py", "--json", str(out))
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert list(result) == ["before unlock", "unlocked", "unlocked, entry written and found",
                            "after Lock", "unlocked again", "after a second Lock"]
    assert result["before unlock"]["marker_utf8"] == 0, "the scan counts only the app's copies"
    assert result["unlocked, entry written and found"]["marker_utf8"] > 0, "and finds them"
