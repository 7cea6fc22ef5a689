"""CLIPBOARD and PRIMARY on a real X server (Xvfb), as other applications see them:
the scenarios in clipboard_x11_scenario.py run in a child pytest on a private
display."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def x_display():
    """A private Xvfb display, or a skip saying why there is none."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (Debian: apt install xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", "1280x1024x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as displayfd:
        number = displayfd.readline().strip()
    if not number:
        server.kill()
        server.wait()
        pytest.skip("Xvfb did not start")
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


@pytest.mark.slow
def test_clipboard_and_selection_on_a_real_x_server(tmp_path, x_display):
    env = {**os.environ, "DISPLAY": x_display, "TRUSTDESK_TEST_PLATFORM": "xcb",
           "TRUSTDESK_X11_CHILD": "1", "PYTHONPATH": str(ROOT)}
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
         "--basetemp", str(tmp_path / "child"), "tests/ui/clipboard_x11_scenario.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    report = result.stdout[-4000:] + result.stderr[-3000:]
    if result.returncode != 0 and 'platform plugin "xcb"' in report:
        pytest.skip("Qt's xcb platform plugin can't start here (missing libxcb libraries?)")
    assert result.returncode == 0, report
    assert "3 passed" in result.stdout, report
