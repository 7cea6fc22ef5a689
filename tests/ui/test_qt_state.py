"""Qt's file dialogs keep a folder history in `QtProject.conf`; TrustDesk never lets it
reach the disk, and no `.qt` folder appears in the data folder (one was left there
after a restore, when that history was written to `<data folder>/.qt` and deleted)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from trustdesk.ui import dialogs, qt_state

ROOT = Path(__file__).resolve().parents[2]


def choose_a_backup_and_cancel(qtbot, start: Path) -> None:
    """Open the real (non-native) file dialog a restore uses, and cancel it."""
    def cancel() -> None:
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QFileDialog) and w.isVisible()]
        if shown:
            shown[0].reject()
        else:
            QTimer.singleShot(20, cancel)

    QTimer.singleShot(20, cancel)
    assert dialogs.open_path(None, title="Restore a backup", start=str(start)) is None


def qt_files(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.rglob("*")
            if p.name.startswith("QtProject") or p.name == ".qt"]


def test_a_file_dialog_writes_nothing_and_leaves_no_qt_folder(qtbot, data_dir, tmp_path):
    before = sorted(p.name for p in data_dir.iterdir())
    # Control: with a writable settings path, the dialog does write its history.
    writable = tmp_path / "writable"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(writable))
    choose_a_backup_and_cancel(qtbot, data_dir)
    assert [p.name for p in qt_files(writable)] == ["QtProject.conf"]

    qt_state.keep_no_qt_state(data_dir)
    choose_a_backup_and_cancel(qtbot, data_dir)
    choose_a_backup_and_cancel(qtbot, data_dir / "backups")
    assert sorted(p.name for p in data_dir.iterdir()) == before
    assert qt_files(data_dir, Path(os.environ["HOME"])) == []
    assert qt_files(tmp_path) == [writable / "QtProject.conf"]  # only the control's


@pytest.mark.slow
def test_the_app_removes_the_qt_folder_an_earlier_version_left(data_dir):
    old = data_dir / ".qt"
    old.mkdir()
    (old / "QtProject.conf").write_text("[FileDialog]\nlastVisited=file:///home/a/secret\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TRUSTDESK_SMOKE_EXIT_AFTER_MS": "0"}
    result = subprocess.run([sys.executable, "-m", "trustdesk", "--data-dir", str(data_dir)],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "first paint" in result.stderr
    assert not old.exists()
    assert ".qt" not in {p.name for p in data_dir.iterdir()}
