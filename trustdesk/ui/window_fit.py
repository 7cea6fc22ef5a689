"""Where the main window opens and how small it may get.

`choose_placement` is the rule, in plain numbers (logical pixels), so a test can
give it any set of screens; `place_window` applies it to a real window. The rule:

- With no saved place, the window opens at its preferred size, centred on the
  primary screen's available area (the screen minus panels and docks); where that
  size doesn't fit with room for a title bar, the window opens maximized.
- A saved place is used only on a screen that still exists (the one it overlaps
  most), shrunk and moved to lie inside that screen's available area; a saved place
  that overlaps no screen now is forgotten.
- The minimum size fits the smallest common laptop screens at common scale factors
  (see MIN_SIZE); every page scrolls or restacks down to it.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The smallest window every page lays out in. Common screens' available areas, in
# logical pixels after the desktop's panels: 1280x720 at 100% ~1280x680, 1366x768
# at 125% ~1093x590 and at 150% ~910x490, 1920x1080 at 200% ~960x520. With a title
# bar of up to ~40 px and a border, 880x440 fits inside all of them.
MIN_SIZE = (880, 440)
PREFERRED_SIZE = (1280, 800)
# Room left around a window that isn't maximized, for the title bar and borders.
FRAME_TOP = 40
FRAME_SIDE = 8
# A saved place must show at least this much of itself on a screen to count as
# being on it (a title bar's grip); less than that and it is treated as off-screen.
VISIBLE_ENOUGH = (120, 40)
_GEOMETRY_MAGIC = 0x1D9D0CB


@dataclass(frozen=True)
class Rect:
    """A rectangle in logical pixels: the window's inside, or a screen's area."""

    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def overlap(self, other: Rect) -> tuple[int, int]:
        """Width and height of the part both rectangles cover (0 when apart)."""
        width = min(self.right, other.right) - max(self.x, other.x)
        height = min(self.bottom, other.bottom) - max(self.y, other.y)
        return max(width, 0), max(height, 0)


@dataclass(frozen=True)
class Placement:
    """Where to put the window. `rect` is its inside when not maximized."""

    rect: Rect
    maximized: bool


def choose_placement(*, screens: Sequence[Rect], primary: int = 0,
                     saved: Rect | None = None, saved_maximized: bool = False,
                     preferred: tuple[int, int] = PREFERRED_SIZE,
                     minimum: tuple[int, int] = MIN_SIZE) -> Placement:
    """The main window's place, given the screens' available areas (the primary one
    at index `primary`) and the place saved when it last closed, if any."""
    if not screens:  # no screen reported: a plain preferred-size window
        return Placement(Rect(0, 0, *preferred), maximized=saved_maximized)
    if saved is not None:
        screen = _screen_showing(saved, screens)
        if screen is not None:
            return Placement(_clamped(saved, screen, minimum), maximized=saved_maximized)
    area = screens[primary if 0 <= primary < len(screens) else 0]
    fits = (preferred[0] + 2 * FRAME_SIDE <= area.width
            and preferred[1] + FRAME_TOP + FRAME_SIDE <= area.height)
    if fits:
        return Placement(_centred(preferred, area), maximized=False)
    # Small screen: maximized, and a size that fits for when it is restored down.
    size = (max(area.width - 2 * FRAME_SIDE, minimum[0]),
            max(area.height - FRAME_TOP - FRAME_SIDE, minimum[1]))
    return Placement(_centred(size, area), maximized=True)


def _screen_showing(saved: Rect, screens: Sequence[Rect]) -> Rect | None:
    """The screen showing most of `saved`, if any shows enough of it to grab."""
    best: Rect | None = None
    best_area = 0
    for screen in screens:
        width, height = saved.overlap(screen)
        if width >= min(VISIBLE_ENOUGH[0], saved.width) and \
                height >= min(VISIBLE_ENOUGH[1], saved.height) and width * height > best_area:
            best, best_area = screen, width * height
    return best


def _clamped(saved: Rect, area: Rect, minimum: tuple[int, int]) -> Rect:
    """`saved`, no bigger than `area` leaves room for (nor below the minimum), moved
    so it and its title bar lie inside `area`."""
    width = max(min(saved.width, area.width - 2 * FRAME_SIDE), minimum[0])
    height = max(min(saved.height, area.height - FRAME_TOP - FRAME_SIDE), minimum[1])
    x = min(max(saved.x, area.x + FRAME_SIDE), area.right - FRAME_SIDE - width)
    y = min(max(saved.y, area.y + FRAME_TOP), area.bottom - FRAME_SIDE - height)
    # A screen smaller than the minimum: keep the title bar on it, at least.
    return Rect(max(x, area.x), max(y, area.y), width, height)


def _centred(size: tuple[int, int], area: Rect) -> Rect:
    width, height = size
    x = area.x + max((area.width - width) // 2, 0)
    y = area.y + max((area.height - height - FRAME_TOP) // 2, 0) + FRAME_TOP
    return Rect(x, min(y, max(area.bottom - height, area.y)), width, height)


def saved_place(blob: bytes) -> tuple[Rect, bool] | None:
    """The inside of the window when not maximized, and whether it was maximized,
    from what QWidget.saveGeometry wrote (format 3: magic, version, frame rect,
    normal rect, screen, maximized, full screen, screen width, rect; big-endian,
    rects as left, top, right, bottom). None for anything else.

    Read here rather than by restoreGeometry, which moves a window saved on a
    screen that is gone onto another one before the rule can tell."""
    try:
        magic, major, _minor, *fields = struct.unpack_from(">IHH4i4iiBB", blob)
    except struct.error:
        return None
    if magic != _GEOMETRY_MAGIC or major != 3:
        return None
    left, top, right, bottom = fields[4:8]
    maximized = bool(fields[9])
    if right < left or bottom < top:
        return None
    return Rect(left, top, right - left + 1, bottom - top + 1), maximized


def place_window(window: QWidget, saved: QByteArray | None = None) -> Placement:
    """Size and place a top-level window that isn't shown yet by `choose_placement`,
    from what it saved last time (QWidget.saveGeometry), if anything. A window to
    be maximized is left for its owner to show maximized (see MainWindow.setVisible):
    setting the state here would make PySide build the Qt namespace's enums, ~30 ms
    before the first paint."""
    place = saved_place(bytes(saved.data())) if saved is not None else None
    screens = QGuiApplication.screens()
    primary = QGuiApplication.primaryScreen()
    placement = choose_placement(
        screens=[_rect(screen.availableGeometry()) for screen in screens],
        primary=screens.index(primary) if primary in screens else 0,
        saved=place[0] if place else None, saved_maximized=bool(place and place[1]))
    rect = placement.rect
    window.setGeometry(QRect(rect.x, rect.y, rect.width, rect.height))
    return placement


def _rect(rect: QRect) -> Rect:
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())
