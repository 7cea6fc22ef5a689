"""Worker processes for the kill tests: start one (it says "ready" when it has set
up), then SIGKILL it at a moment the test picks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start_worker(module: str, *args: str) -> subprocess.Popen[str]:
    """Run `python -m <module> <args>` on this checkout, once it printed "ready"."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", module, *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line.strip() != "ready":
        proc.kill()
        raise AssertionError(f"worker didn't start: {line!r} {proc.stderr.read()}")
    return proc


def kill_after(proc: subprocess.Popen[str], delay: float, *,
               after: Callable[[str], bool] | None = None) -> list[str]:
    """SIGKILL `proc` after `delay` seconds, or `delay` seconds after it printed a line
    matching `after`; return what it printed."""
    seen: list[str] = []
    if after is not None:
        assert proc.stdout is not None
        for line in proc.stdout:
            seen.append(line.rstrip("\n"))
            if after(seen[-1]):
                break
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, err
    return seen + out.splitlines()
