"""How charts look: colours as plain '#rrggbb' values and a base text size.

The UI builds a ChartStyle from `trustdesk.ui.theme.colors()` tokens (screen,
following the theme); paper and PDF always use `paper_style()`, the light palette
read straight from resources/styles/palettes.toml. The report layer never imports
the UI."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice

from trustdesk import resources

PAPER_FONT_PT = 8.5


@cache
def palette(mode: str = "light") -> dict[str, str]:
    """The palette tokens of resources/styles/palettes.toml for 'light' or 'dark'."""
    with open(resources.path("styles", "palettes.toml"), "rb") as fh:
        return dict(tomllib.load(fh)[mode])


def _hex(value: object) -> str:
    color = value if isinstance(value, QColor) else QColor(str(value))
    if not color.isValid():
        raise ValueError(f"not a colour: {value!r}")
    return color.name()


@dataclass(frozen=True)
class ChartStyle:
    """Immutable; safe to share between threads. `background` None leaves the area
    unpainted (the widget or page behind shows through)."""

    text: str
    muted: str
    grid: str
    axis: str
    series: tuple[str, str, str]
    background: str | None = None
    font_pt: float = PAPER_FONT_PT
    font_family: str = ""
    show_title: bool = True
    # The printed summary draws a chart's words as outlines: in a PDF they then stay
    # out of the text that copy, search and screen readers read, where axis labels
    # would be interleaved with the sentences (the sentences before each chart say
    # what it shows; the HTML summary gives it as an image with a text alternative).
    text_as_paths: bool = False

    @classmethod
    def from_tokens(cls, tokens: Mapping[str, object], *, font_pt: float = PAPER_FONT_PT,
                    font_family: str = "", fill_background: bool = True) -> ChartStyle:
        """From palette tokens (QColor or '#rrggbb'): text, muted, border, surface,
        chart_1..3 and chart_grid."""
        return cls(text=_hex(tokens["text"]), muted=_hex(tokens["muted"]),
                   grid=_hex(tokens["chart_grid"]), axis=_hex(tokens["border"]),
                   series=(_hex(tokens["chart_1"]), _hex(tokens["chart_2"]),
                           _hex(tokens["chart_3"])),
                   background=_hex(tokens["surface"]) if fill_background else None,
                   font_pt=font_pt, font_family=font_family)

    def with_(self, **changes: object) -> ChartStyle:
        return replace(self, **changes)  # type: ignore[arg-type]

    def font(self, scale: float = 1.0, *, bold: bool = False) -> QFont:
        return text_font(self.font_family, self.font_pt * scale, bold=bold)


def text_font(family: str, point_size: float, *, bold: bool = False) -> QFont:
    """A font in points, with ligatures off: in a PDF, "fi" drawn as one glyph is
    extracted (by copy, search and screen readers) as a different character."""
    font = QFont(family) if family else QFont()
    font.setPointSizeF(point_size)
    font.setBold(bold)
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def paper_style(*, font_pt: float = PAPER_FONT_PT, font_family: str = "") -> ChartStyle:
    """The light palette on white paper, whatever theme the screen uses."""
    tokens: dict[str, object] = dict(palette("light"))
    tokens["surface"] = "#FFFFFF"
    return ChartStyle.from_tokens(tokens, font_pt=font_pt, font_family=font_family,
                                  fill_background=False)


class Units:
    """Points to device pixels for one paint device, and font metrics on it."""

    def __init__(self, device: QPaintDevice) -> None:
        self.device = device
        self.per_pt = max(device.logicalDpiY(), 1) / 72.0

    def pt(self, points: float) -> float:
        return points * self.per_pt

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)
