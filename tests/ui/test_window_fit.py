"""The main window opens to fit the screen it is on: at its preferred size where
that fits, maximized on small screens, and back where it was only on a screen
that still exists, inside that screen. Its minimum fits common laptop screens at
common scale factors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from tests.ui.conftest import open_window
from trustdesk.ui.window_fit import (
    FRAME_TOP,
    MIN_SIZE,
    PREFERRED_SIZE,
    Rect,
    choose_placement,
    saved_place,
)

ROOT = Path(__file__).resolve().parents[2]


def _inside(rect: Rect, area: Rect) -> bool:
    return (area.x <= rect.x and rect.right <= area.right
            and area.y <= rect.y - FRAME_TOP and rect.bottom <= area.bottom)


# Available areas (logical px, after the desktop's panels) of common laptop screens.
SMALL_SCREENS = {
    "1280x720 at 100%": Rect(0, 32, 1280, 688),
    "1366x768 at 100%": Rect(0, 32, 1366, 736),
    "1366x768 at 125%": Rect(0, 26, 1093, 589),
    "1366x768 at 150%": Rect(0, 21, 911, 491),
    "1920x1080 at 200%": Rect(0, 16, 960, 524),
}


@pytest.mark.parametrize("name", SMALL_SCREENS)
def test_a_first_window_on_a_small_screen_opens_maximized_and_fits_when_restored(name):
    area = SMALL_SCREENS[name]
    placement = choose_placement(screens=[area])
    assert placement.maximized
    assert _inside(placement.rect, area)


@pytest.mark.parametrize("name", [n for n in SMALL_SCREENS if n != "1366x768 at 100%"])
def test_the_minimum_size_fits_the_smallest_common_screens_with_a_title_bar(name):
    area = SMALL_SCREENS[name]
    assert MIN_SIZE[0] <= area.width and MIN_SIZE[1] + FRAME_TOP <= area.height


def test_a_first_window_on_a_roomy_screen_is_centred_at_its_preferred_size():
    area = Rect(0, 27, 1920, 1053)
    placement = choose_placement(screens=[area])
    assert not placement.maximized
    rect = placement.rect
    assert (rect.width, rect.height) == PREFERRED_SIZE
    assert _inside(rect, area)
    assert abs((rect.x - area.x) - (area.right - rect.right)) <= 1


def test_a_first_window_opens_on_the_primary_screen():
    left, right = Rect(0, 0, 1366, 728), Rect(1366, 0, 2560, 1400)
    placement = choose_placement(screens=[left, right], primary=1)
    assert not placement.maximized
    assert _inside(placement.rect, right)


def test_a_saved_place_on_a_screen_that_still_exists_is_kept():
    screens = [Rect(0, 0, 1920, 1050), Rect(1920, 0, 1920, 1050)]
    saved = Rect(2100, 200, 1000, 700)
    placement = choose_placement(screens=screens, saved=saved)
    assert placement == choose_placement(screens=screens, saved=saved, primary=0)
    assert placement.rect == saved and not placement.maximized


def test_a_saved_place_on_a_screen_that_is_gone_is_forgotten():
    """It was on a second monitor that was unplugged: the window opens as new."""
    laptop = Rect(0, 32, 1366, 736)
    placement = choose_placement(screens=[laptop], saved=Rect(1500, 100, 1200, 900))
    assert placement == choose_placement(screens=[laptop])


def test_a_saved_place_barely_on_screen_counts_as_gone():
    screen = Rect(0, 0, 1920, 1050)
    corner = Rect(1900, 1040, 1200, 800)  # 20x10 px of it show: nothing to grab
    assert choose_placement(screens=[screen], saved=corner) == choose_placement(screens=[screen])


def test_a_saved_place_too_big_for_its_screen_now_is_clamped_to_it():
    """Saved at 1600x1000 on a big screen; a smaller screen took its place."""
    area = Rect(0, 32, 1366, 736)
    placement = choose_placement(screens=[area], saved=Rect(100, 100, 1600, 1000))
    rect = placement.rect
    assert _inside(rect, area)
    assert (rect.width, rect.height) >= MIN_SIZE


def test_a_saved_place_hanging_off_the_edge_is_moved_inside():
    area = Rect(0, 0, 1920, 1050)
    placement = choose_placement(screens=[area], saved=Rect(1500, -300, 1000, 700))
    assert _inside(placement.rect, area)
    assert (placement.rect.width, placement.rect.height) == (1000, 700)


def test_a_saved_maximized_window_on_a_screen_that_exists_stays_maximized():
    area = Rect(0, 0, 1920, 1050)
    placement = choose_placement(screens=[area], saved=Rect(100, 100, 1000, 700),
                                 saved_maximized=True)
    assert placement.maximized


def test_a_saved_place_is_read_from_what_qt_saved(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setGeometry(200, 150, 1000, 660)
    widget.show()
    assert saved_place(bytes(widget.saveGeometry().data())) == (Rect(200, 150, 1000, 660), False)
    widget.showMaximized()
    qtbot.waitUntil(widget.isMaximized)
    assert saved_place(bytes(widget.saveGeometry().data())) == (Rect(200, 150, 1000, 660), True)


@pytest.mark.parametrize("blob", [b"", b"not a geometry", bytes(66)])
def test_anything_else_saved_is_no_place(blob):
    assert saved_place(blob) is None


# -- the real window (tests run on one 1920x1080 offscreen screen) -------------------

def test_the_first_window_is_centred_on_the_screen_at_its_preferred_size(qtbot, data_dir):
    window = open_window(qtbot, data_dir, size=None)
    area = window.screen().availableGeometry()
    assert (window.width(), window.height()) == PREFERRED_SIZE
    assert not window.isMaximized()
    assert area.contains(window.geometry())
    window.close()


def test_the_window_comes_back_where_it_was_and_size_it_had(qtbot, data_dir):
    window = open_window(qtbot, data_dir, size=None)
    window.setGeometry(200, 150, 1000, 660)
    window.close()
    again = open_window(qtbot, data_dir, size=None)
    inside = again.geometry()
    assert (inside.x(), inside.y(), inside.width(), inside.height()) == (200, 150, 1000, 660)
    assert not again.isMaximized()
    again.close()


def test_a_window_closed_maximized_opens_maximized(qtbot, data_dir):
    window = open_window(qtbot, data_dir, size=None)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    window.close()
    again = open_window(qtbot, data_dir, size=None)
    qtbot.waitUntil(again.isMaximized)
    again.showNormal()
    qtbot.waitUntil(lambda: not again.isMaximized())
    assert (again.width(), again.height()) == PREFERRED_SIZE
    again.close()


def test_a_window_saved_off_every_screen_opens_on_the_screen(qtbot, data_dir):
    window = open_window(qtbot, data_dir, size=None)
    window.setGeometry(5000, 3000, 1000, 660)
    window.close()
    again = open_window(qtbot, data_dir, size=None)
    assert again.screen().availableGeometry().contains(again.geometry())
    assert (again.width(), again.height()) == PREFERRED_SIZE
    again.close()


def test_a_window_saved_bigger_than_the_screen_is_shrunk_to_fit(qtbot, data_dir):
    window = open_window(qtbot, data_dir, size=None)
    window.setGeometry(-100, 0, 2600, 1500)
    window.close()
    again = open_window(qtbot, data_dir, size=None)
    assert again.screen().availableGeometry().contains(again.geometry())
    again.close()


SMALL_SCREEN_PROBE = textwrap.dedent("""
    import sys
    from pathlib import Path
    from trustdesk.ui.app import create_application
    from trustdesk.ui.shell.window import MainWindow
    from trustdesk.storage.store import JournalFolder
    app = create_application([])
    window = MainWindow(JournalFolder(Path(sys.argv[1])))
    window.show()
    for _ in range(20):
        app.processEvents()
    area = window.screen().availableGeometry()
    # (logical pixels are rounded at 125%: 1366 / 1.25 = 1092.8)
    print(window.isMaximized(), area.width(), area.height(),
          area.adjusted(-1, -1, 1, 1).contains(window.frameGeometry()))
""")


@pytest.mark.slow
def test_on_a_small_laptop_screen_at_125_percent_the_first_window_opens_maximized(
        data_dir, tmp_path):
    screens = tmp_path / "screen.json"
    screens.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    result = subprocess.run(
        [sys.executable, "-c", SMALL_SCREEN_PROBE, str(data_dir)], capture_output=True,
        text=True, cwd=ROOT, check=True, timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
             "QT_SCALE_FACTOR": "1.25", "PYTHONPATH": str(ROOT)})
    assert result.stdout.split() == ["True", "1093", "614", "True"], result.stderr
