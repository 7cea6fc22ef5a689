"""The packaging smoke check's hook: with TRUSTDESK_SMOKE_EXIT_AFTER_MS set, the real
app opens its window, reports the first paint and quits by itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from trustdesk.ui import app

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_app_paints_its_window_and_quits_by_itself(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           app.SMOKE_EXIT_ENV: "50"}
    result = subprocess.run([sys.executable, "-m", "trustdesk", "--data-dir",
                             str(tmp_path / "data")], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "trustdesk: first paint at " in result.stderr
    assert "Traceback" not in result.stderr
    # The welcome screen writes nothing until a journal is created.
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("value, expected", [("250", 250), ("0", 0), ("", None),
                                             ("soon", None), ("-5", None)])
def test_only_a_number_of_milliseconds_turns_the_hook_on(monkeypatch, value, expected):
    monkeypatch.setenv(app.SMOKE_EXIT_ENV, value)
    assert app._smoke_exit_delay() == expected


def test_without_the_variable_the_hook_is_off(monkeypatch):
    monkeypatch.delenv(app.SMOKE_EXIT_ENV, raising=False)
    assert app._smoke_exit_delay() is None
