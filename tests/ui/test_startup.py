"""The first window paints before the heavy parts load; they load right after."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray

from trustdesk.ui import app as app_module
from trustdesk.ui import window_state

ROOT = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from trustdesk.ui.app import create_application
    from trustdesk.ui.shell.window import MainWindow
    from trustdesk.storage.store import JournalFolder
    create_application()
    window = MainWindow(JournalFolder(Path(sys.argv[1])))
    window.show()
    app.processEvents()
    loaded = sorted(m for m in sys.modules if m.startswith(("sqlcipher3", "trustdesk.ui.journal",
                                                            "trustdesk.ui.shell.workspace",
                                                            "trustdesk.ui.dialogs")))
    from PySide6 import QtCore, QtGui
    print(loaded, "Qt" in QtCore.__dict__)
    print(sorted(m for m in ("hashlib", "uuid", "configparser", "tomllib",
                             "trustdesk.ui.shell.pages", "trustdesk.domain.passphrase")
                 if m in sys.modules),
          [name for name in ("QAccessible", "QKeySequence") if name in QtGui.__dict__])
""")


@pytest.mark.slow
def test_the_unlock_screen_paints_without_the_heavy_modules(data_dir):
    """Neither SQLCipher, nor the pages, nor the dialogs, nor the Qt namespace's
    enums (about 30 ms in PySide) are needed to paint the unlock screen."""
    result = subprocess.run([sys.executable, "-c", PROBE, str(data_dir)], capture_output=True,
                            text=True, cwd=ROOT, check=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
                                 "HOME": str(data_dir)})
    assert result.stdout.splitlines()[0] == "[] False", result.stdout + result.stderr


@pytest.mark.slow
def test_the_unlock_screen_paints_without_modules_only_later_steps_need(data_dir):
    """Each of these cost 2-4 ms before the first paint and serves only a later step:
    hashlib the first copy to the clipboard, uuid the first new record, configparser
    a window.ini not written by TrustDesk (and the reminders), tomllib a palette file
    of another form, the pages' registry the workspace, the passphrase rules the
    first-run screen; QAccessible's enums (~2.5 ms) the first announcement, and
    QKeySequence (~1 ms) the window's shortcuts, made just after the first paint."""
    window_state.save(data_dir, QByteArray(b"a saved geometry"))
    result = subprocess.run([sys.executable, "-c", PROBE, str(data_dir)], capture_output=True,
                            text=True, cwd=ROOT, check=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
                                 "HOME": str(data_dir)})
    assert result.stdout.splitlines()[1] == "[] []", result.stdout + result.stderr


def test_warm_up_imports_what_unlocking_needs(qtbot):
    app_module.warm_up()
    qtbot.waitUntil(lambda: all(name.partition(":")[0] in sys.modules
                                for name in app_module._WARM_UP_MODULES))


OPEN_PROBE = textwrap.dedent("""
    import sys
    import trustdesk.ui.app
    def report(*, data_dir, **_options):
        print(sorted(m for m in sys.modules if m.startswith("trustdesk.commands.")))
        return 0
    trustdesk.ui.app.run_gui = report
    from trustdesk.cli import main
    sys.exit(main(["--data-dir", sys.argv[1]]))
""")


@pytest.mark.slow
def test_opening_the_app_does_not_import_the_subcommands(data_dir):
    """Their modules (and what they import) cost ~90 ms; `trustdesk` alone opens the
    window without them, while `trustdesk --help` still lists them (tests/cli)."""
    result = subprocess.run([sys.executable, "-c", OPEN_PROBE, str(data_dir)],
                            capture_output=True, text=True, cwd=ROOT, check=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
                                 "HOME": str(data_dir)})
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


BARE_OPEN_PROBE = textwrap.dedent("""
    import sys
    import trustdesk.ui.app
    def report(*, data_dir, **_options):
        print(sorted(m for m in ("locale", "platformdirs") if m in sys.modules))
        return 0
    trustdesk.ui.app.run_gui = report
    from trustdesk.cli import main
    sys.exit(main([]))
""")


@pytest.mark.slow
def test_opening_the_app_from_a_desktop_needs_neither_argparse_nor_platformdirs(tmp_path):
    """`trustdesk` with no arguments and the usual home: the command line is not
    parsed (gettext's locale lookups, ~5 ms) and the data folder is found without
    platformdirs (~5 ms)."""
    result = subprocess.run([sys.executable, "-c", BARE_OPEN_PROBE], capture_output=True,
                            text=True, cwd=ROOT, check=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
                                 "HOME": str(tmp_path), "DISPLAY": ":0"})
    expected = "[]" if sys.platform.startswith("linux") else "['platformdirs']"
    assert result.stdout.strip() == expected, result.stdout + result.stderr


UNLOCK_PROBE = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tests.conftest import PASSPHRASE
    from trustdesk.storage.store import JournalFolder
    store = JournalFolder(Path(sys.argv[1])).unlock(PASSPHRASE)
    before = "trustdesk.storage.exchange" in sys.modules
    store.exchange.snapshot()
    print(before, "trustdesk.storage.exchange" in sys.modules)
    store.close()
""")


def test_unlocking_waits_for_no_import_or_export_code(data_dir):
    """Export and import (other apps' formats, the codec) load when first used,
    not while the person waits for their journal to open."""
    result = subprocess.run([sys.executable, "-c", UNLOCK_PROBE, str(data_dir)],
                            capture_output=True, text=True, timeout=60, check=True,
                            cwd=ROOT)
    assert result.stdout.split() == ["False", "True"]
