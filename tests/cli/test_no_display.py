"""Started without a display, the app says so in one line and exits with code 9,
instead of Qt's abort about missing xcb libraries. (Tests themselves always run
offscreen: tests/conftest.py sets QT_QPA_PLATFORM outright, not with setdefault.)"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.cli.test_cli import ROOT
from trustdesk import commands, display


def run_without_display(*args: str, platform: str | None):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    if platform is not None:
        env["QT_QPA_PLATFORM"] = platform
    return subprocess.run([sys.executable, "-m", "trustdesk", *args], capture_output=True,
                          text=True, env={**env, "PYTHONPATH": str(ROOT)}, timeout=60)


@pytest.mark.slow
@pytest.mark.parametrize("platform", [None, "xcb", "wayland", "wayland;xcb"])
def test_the_app_without_a_display_says_so_in_one_line(tmp_path, platform):
    for args in (("--data-dir", str(tmp_path)), ("--demo",)):
        result = run_without_display(*args, platform=platform)
        assert result.returncode == commands.NO_DISPLAY == 9
        assert result.stdout == ""
        assert result.stderr.splitlines() == [f"trustdesk: {display.NO_DISPLAY_MESSAGE}"]
        assert result.stderr.startswith("trustdesk: No display was found")
    assert list(tmp_path.iterdir()) == []  # nothing was made, not even a .qt folder


@pytest.mark.slow
def test_commands_still_work_without_a_display(tmp_path):
    result = run_without_display("--data-dir", str(tmp_path), "--help", platform=None)
    assert result.returncode == 0
    assert "9  no display was found" in result.stdout


@pytest.mark.parametrize(("environ", "platform", "expected"), [
    ({}, "linux", False),
    ({"DISPLAY": ":0"}, "linux", True),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
    ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, "linux", False),
    ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}, "linux", True),
    ({"QT_QPA_PLATFORM": "offscreen:configfile=x.json"}, "linux", True),
    ({"QT_QPA_PLATFORM": "minimal"}, "linux", True),
    ({}, "darwin", True),
    ({}, "win32", True),
])
def test_which_platforms_need_a_display(environ, platform, expected):
    assert display.available(environ, platform) is expected


def test_the_test_suite_forces_offscreen():
    assert os.environ["QT_QPA_PLATFORM"].startswith("offscreen")
