"""A crash can't write the journal to disk: the app and every command forbid core
dumps and mark themselves non-dumpable before anything is decrypted."""

from __future__ import annotations

import os
import platform
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
READ_SYSCALL = {"x86_64": 0, "aarch64": 63}

_REPORT = """
import atexit, ctypes, resource
libc = ctypes.CDLL(None)
atexit.register(lambda: print("core", resource.getrlimit(resource.RLIMIT_CORE),
                              "dumpable", libc.prctl(3, 0, 0, 0, 0)))
from trustdesk import cli
cli.main(["--version"])
"""


def _allow_core_dumps() -> None:
    """In the child, before exec: what a shell with `ulimit -c unlimited` gives."""
    resource.setrlimit(resource.RLIMIT_CORE,
                       (resource.RLIM_INFINITY, resource.getrlimit(resource.RLIMIT_CORE)[1]))


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux only")
def test_the_command_line_hardens_before_it_even_parses_arguments(tmp_path):
    """`--version` stops in argparse; the limits are already set by then."""
    done = subprocess.run([sys.executable, "-c", _REPORT], capture_output=True, text=True,
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          timeout=60, preexec_fn=_allow_core_dumps, check=False)
    assert "core (0, 0) dumpable 0" in done.stdout, done.stdout + done.stderr


@pytest.mark.slow
@pytest.mark.skipif(platform.machine() not in READ_SYSCALL or not sys.platform.startswith(
    "linux"), reason="reads /proc/PID/syscall of a Linux process")
def test_a_crashing_command_leaves_no_core_file(tmp_path, data_dir):
    """`trustdesk check` waiting for its passphrase is killed with SIGABRT, with core
    dumps allowed by the shell and written to its folder: no core file appears."""
    child = subprocess.Popen(
        [sys.executable, "-m", "trustdesk", "--data-dir", str(data_dir), "check"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, preexec_fn=_allow_core_dumps)
    try:
        waiting = f"{READ_SYSCALL[platform.machine()]} 0x0 "
        deadline = time.monotonic() + 30
        syscall = Path(f"/proc/{child.pid}/syscall")
        while not syscall.read_text().startswith(waiting):  # blocked reading stdin
            assert time.monotonic() < deadline and child.poll() is None
            time.sleep(0.05)
        limits = Path(f"/proc/{child.pid}/limits").read_text()
        core = next(line for line in limits.splitlines() if line.startswith("Max core"))
        assert core.split()[4:6] == ["0", "0"], core
        child.send_signal(signal.SIGABRT)
        status = os.waitid(os.P_PID, child.pid, os.WEXITED)
    finally:
        if child.poll() is None and child.returncode is None:
            child.kill()
        child.communicate(timeout=30)
    assert status.si_code == os.CLD_KILLED, "killed, and no core dumped"
    assert not list(tmp_path.glob("core*"))
