"""Run only under a real X server by test_clipboard_x11.py: the app copies and
selects, and other X clients (a reader, like a clipboard manager, and another
application that copies) see what TrustDesk left on CLIPBOARD and PRIMARY."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.ui.journal_helpers import journal_of

pytestmark = pytest.mark.skipif(
    os.environ.get("TRUSTDESK_X11_CHILD") != "1" or os.environ.get("QT_QPA_PLATFORM") != "xcb",
    reason="needs a real X server: run by test_clipboard_x11.py")

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
MARKER = "ORCHID-LANTERN-4471 what I never told anyone"

_READER = """
import json, sys
from PySide6.QtGui import QClipboard, QGuiApplication
app = QGuiApplication(sys.argv)
board = app.clipboard()
seen = {}
for name, mode in (("clipboard", QClipboard.Mode.Clipboard),
                   ("primary", QClipboard.Mode.Selection)):
    mime = board.mimeData(mode)
    seen[name] = {"text": board.text(mode),
                  "hint": bytes(mime.data("x-kde-passwordManagerHint").data()).decode()
                  if mime is not None else ""}
print(json.dumps(seen))
"""

_OTHER_APP = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv)
app.clipboard().setText(sys.argv[1])
print("copied", flush=True)
app.exec()
"""


def outside_view(qtbot) -> dict:
    """What another X client reads now. Our event loop keeps running meanwhile, so
    the app can answer the reader's requests."""
    reader = subprocess.Popen([sys.executable, "-c", _READER], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    qtbot.waitUntil(lambda: reader.poll() is not None, timeout=30000)
    out, err = reader.communicate()
    assert reader.returncode == 0, err
    return json.loads(out)


def test_a_keyboard_selection_in_the_journal_is_secret_and_lock_clears_it(qtbot, unlocked):
    body = journal_of(unlocked).editor.body
    unlocked.activateWindow()
    body.setFocus()
    qtbot.keyClicks(body, MARKER)
    qtbot.keyClick(body, Qt.Key.Key_Home, SHIFT)       # selects: PRIMARY holds it
    qtbot.keyClick(body, Qt.Key.Key_C, CTRL)
    seen = outside_view(qtbot)
    assert seen["primary"] == {"text": MARKER, "hint": "secret"}
    assert seen["clipboard"] == {"text": MARKER, "hint": "secret"}
    unlocked.session.request_lock()
    seen = outside_view(qtbot)
    assert seen["primary"]["text"] == "" and seen["clipboard"]["text"] == ""


def test_ctrl_c_in_a_line_edit_is_marked_and_quitting_clears_it(qtbot, unlocked):
    title = journal_of(unlocked).editor.title
    unlocked.activateWindow()
    title.setFocus()
    qtbot.keyClicks(title, MARKER)
    qtbot.keyClick(title, Qt.Key.Key_Home, SHIFT)
    qtbot.keyClick(title, Qt.Key.Key_C, CTRL)
    seen = outside_view(qtbot)
    assert seen["clipboard"] == {"text": MARKER, "hint": "secret"}
    assert seen["primary"] == {"text": MARKER, "hint": "secret"}
    unlocked.close()
    seen = outside_view(qtbot)
    assert seen["primary"]["text"] == "" and seen["clipboard"]["text"] == ""


def test_lock_leaves_what_another_application_copied_later(qtbot, unlocked):
    body = journal_of(unlocked).editor.body
    unlocked.activateWindow()
    body.setFocus()
    qtbot.keyClicks(body, MARKER)
    qtbot.keyClick(body, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(body, Qt.Key.Key_C, CTRL)
    other = subprocess.Popen([sys.executable, "-c", _OTHER_APP, "a shopping list"],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "copied"
        qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "a shopping list",
                        timeout=10000)
        unlocked.session.request_lock()
        seen = outside_view(qtbot)
        assert seen["clipboard"]["text"] == "a shopping list"
        assert seen["primary"]["text"] == "", "our selection is still cleared"
    finally:
        other.kill()
        other.wait()
