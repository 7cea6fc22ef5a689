"""The stylesheet parses in both themes, and every @token in it is defined."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtWidgets import QPushButton

from trustdesk import resources
from trustdesk.ui import theme


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_stylesheet_parses_without_warnings(qapp, mode):
    messages: list[str] = []
    previous = qInstallMessageHandler(lambda _kind, _context, text: messages.append(text))
    try:
        theme.apply(qapp, theme=mode, text_scale=150)
        button = QPushButton("polish me")   # parsing happens when a widget is polished
        button.ensurePolished()
        button.deleteLater()
    finally:
        qInstallMessageHandler(previous)
    assert [m for m in messages if "stylesheet" in m.lower()] == []
    sheet = re.sub(r"/\*.*?\*/", "", qapp.styleSheet(), flags=re.S)
    assert "@" not in sheet, "an @token was left unreplaced"


def test_the_braces_of_the_stylesheet_balance():
    depth = 0
    for number, line in enumerate(resources.read_text("styles", "app.qss").splitlines(), 1):
        depth += line.count("{") - line.count("}")
        assert 0 <= depth <= 1, f"unbalanced braces at line {number}"
    assert depth == 0


FUSION_PROBE = """
from trustdesk.ui.app import create_application
app = create_application(["trustdesk"])
app.setStyleSheet("")          # unwrap the stylesheet style to see the one underneath
print(app.style().metaObject().className())
"""


@pytest.mark.slow
def test_a_new_application_uses_fusion_whatever_the_desktop_prefers(tmp_path):
    """The app asks for Fusion when it creates the QApplication (cheaper than
    setStyle), and that wins over a desktop's own choice."""
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", FUSION_PROBE], capture_output=True, text=True, check=True,
        cwd=root, env={"QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "windows",
                       "PYTHONPATH": str(root), "HOME": str(tmp_path)})
    assert result.stdout.strip() == "QFusionStyle", result.stderr


def test_the_passphrase_eye_follows_the_theme_and_a_gone_field_is_left_alone(qtbot, qapp):
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from trustdesk.ui.widgets.passphrase_field import PassphraseField

    def eye_colour(field: PassphraseField) -> str:
        image = field.actions()[0].icon().pixmap(32, 32).toImage()
        seen = {image.pixelColor(x, y).name() for x in range(32) for y in range(32)
                if image.pixelColor(x, y).alpha() == 255}
        return max(seen) if seen else ""

    theme.apply(qapp, theme="light")
    kept = PassphraseField("Passphrase")
    qtbot.addWidget(kept)
    gone_holder = QWidget()
    QVBoxLayout(gone_holder).addWidget(PassphraseField("Passphrase"))
    light = eye_colour(kept)
    gone_holder.deleteLater()
    qtbot.wait(20)
    theme.apply(qapp, theme="dark")     # must not reach the deleted field's eye
    try:
        assert eye_colour(kept) == theme.colors("dark")["muted"].name() != light
    finally:
        theme.apply(qapp, theme="light")


def test_applying_the_theme_already_shown_changes_nothing(qapp):
    """Unlocking applies the journal's theme; when the unlock screen already has it,
    the app's style sheet is not set again (that would polish every widget anew)."""
    theme.apply(qapp, theme="dark", text_scale=100)
    changes: list[str] = []
    theme.notifier.changed.connect(changes.append)
    try:
        theme.apply(qapp, theme="dark", text_scale=100)
        assert changes == []
        theme.apply(qapp, theme="dark", text_scale=125)      # a new text size does apply
        theme.apply(qapp, theme="light", text_scale=125)     # and a new theme
        assert changes == ["dark", "light"]
        qapp.setStyleSheet("")                               # someone else's sheet: applied
        theme.apply(qapp, theme="light", text_scale=125)
        assert changes == ["dark", "light", "light"] and qapp.styleSheet()
    finally:
        theme.notifier.changed.disconnect(changes.append)
        theme.apply(qapp, theme="light", text_scale=100)


def test_the_palettes_read_without_tomllib_are_what_tomllib_reads():
    """The quick reading (no tomllib before the first paint) gives TOML's own result
    for the shipped file, and hands any other form of line to tomllib."""
    import tomllib

    text = resources.read_text("styles", "palettes.toml")
    assert theme.read_palettes(text) == tomllib.loads(text)
    assert theme._palettes() == tomllib.loads(text)
    for other in ('[light]\nwindow = "#FFF"\n', '[light]\nwindow = \'#FFFFFF\'\n',
                  '[ light ]\nwindow = "#FFFFFF"\n', 'window = "#FFFFFF"\n',
                  '[light]\nwindow = "#FFFFFF"\nwindow = "#000000"\n',
                  '[light]\n[light]\n', '[light]\nwindow.x = "#FFFFFF"\n'):
        assert theme.read_palettes(other) is None, other
    assert theme.read_palettes('# a\n[dark]\nink = "#0a0B0c"   # note\n\n') == \
        {"dark": {"ink": "#0a0B0c"}}
