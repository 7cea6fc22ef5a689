"""The data folder without a --data-dir: the quick Linux answer is platformdirs' own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from trustdesk import paths

CASES = [
    {"XDG_DATA_HOME": "/srv/people/ana/data", "HOME": "/home/ana"},
    {"XDG_DATA_HOME": "/srv/people/ana/data/", "HOME": "/home/ana"},
    {"XDG_DATA_HOME": "//two//slashes", "HOME": "/home/ana"},
    {"XDG_DATA_HOME": "relative/data", "HOME": "/home/ana"},
    {"XDG_DATA_HOME": "~/data", "HOME": "/home/ana"},
    {"XDG_DATA_HOME": "", "HOME": "/home/ana"},
    {"HOME": "/home/ana/"},
    {"HOME": "/"},
    {"HOME": "//"},
    {"HOME": "relative-home"},
    {},
]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the quick answer is Linux's")
@pytest.mark.parametrize("env", CASES, ids=[str(case) for case in CASES])
def test_the_default_data_folder_is_the_one_platformdirs_gives(monkeypatch, env):
    for name in ("XDG_DATA_HOME", "HOME", "ANDROID_DATA", "ANDROID_ROOT", paths.ENV_DATA_DIR):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    try:
        expected: Path | None = platformdirs.user_data_path("TrustDesk", appauthor=False)
    except RuntimeError:   # no home at all: platformdirs says so, and so does data_dir
        expected = None
    quick = paths._linux_user_data_path()
    assert quick is None or quick == expected
    if expected is not None:
        assert paths.data_dir() == expected
    if env.get("XDG_DATA_HOME", "").startswith("/") or env.get("HOME", "").startswith("/"):
        assert quick is not None   # the usual desktop needs no platformdirs


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the quick answer is Linux's")
def test_the_usual_desktop_opens_without_importing_platformdirs(tmp_path):
    probe = ("import sys; from trustdesk import paths; print(paths.data_dir()); "
             "print('platformdirs' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parents[1],
                            env={"HOME": str(tmp_path), "PYTHONPATH":
                                 str(Path(__file__).resolve().parents[1])})
    assert result.stdout.splitlines() == [str(tmp_path / ".local/share/TrustDesk"), "False"], \
        result.stderr
