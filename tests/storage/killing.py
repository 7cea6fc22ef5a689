"""Worker processes for the kill tests, run in lockstep: the worker announces each
point of its work on stdout (`say`) and then waits for the test to answer on stdin.
The test either lets it go on or SIGKILLs it right there, so a kill always lands
at the announced point, however loaded the machine is: no wall-clock delays.

In the worker: call `say("ready")` once set up, then `say(...)` at each point.
In the test: `worker = Worker(module, *args)`, then `worker.run_until(stop)`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def say(text: str) -> None:
    """(In the worker) announce `text` and wait until the test says to go on. Once the
    test has closed the pipe, carry on without waiting."""
    print(text, flush=True)
    sys.stdin.readline()


class Worker:
    """`python -m <module> <args>` on this checkout, stopped at its "ready" line."""

    def __init__(self, module: str, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self._proc = subprocess.Popen(
            [sys.executable, "-m", module, *args], cwd=ROOT, env=env, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        if self._next() != "ready":
            self._proc.kill()
            _out, err = self._proc.communicate(timeout=30)
            raise AssertionError(f"worker didn't start: {self.lines!r} {err}")

    def _next(self) -> str | None:
        """The next announced line (the worker now waits at it); None when it ended."""
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline()
        if not line:
            return None
        self.lines.append(line.rstrip("\n"))
        return self.lines[-1]

    def run_until(self, stop: Callable[[str], bool]) -> list[str]:
        """Let the worker go on, one announced point at a time, until it announces a
        line for which `stop(line)` is true; SIGKILL it there. Returns every line it
        announced after "ready", the last being the point of the kill."""
        assert self._proc.stdin is not None
        while True:
            self._proc.stdin.write("\n")
            self._proc.stdin.flush()
            line = self._next()
            if line is None:
                _out, err = self._proc.communicate(timeout=30)
                raise AssertionError(f"the worker ended before the kill point: {err}")
            if stop(line):
                break
        self._proc.send_signal(signal.SIGKILL)
        _out, err = self._proc.communicate(timeout=30)
        assert self._proc.returncode == -signal.SIGKILL, err
        return self.lines[1:]


def nth(predicate: Callable[[str], bool], n: int) -> Callable[[str], bool]:
    """A stop condition true at the n-th line (from 1) that matches `predicate`."""
    count = 0

    def stop(line: str) -> bool:
        nonlocal count
        count += predicate(line)
        return count >= n
    return stop
