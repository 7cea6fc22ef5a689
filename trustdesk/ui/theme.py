"""Light and dark looks: Fusion plus our own palette and stylesheet, so the app looks
the same where the desktop's colour scheme is unknown. Tokens live in
resources/styles/palettes.toml, the stylesheet in resources/styles/app.qss."""

from __future__ import annotations

import re
from functools import cache
from typing import TypedDict, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from trustdesk import resources


class _State(TypedDict):
    mode: str
    base_pt: float | None
    desktop_dark: bool | None
    fusion: bool
    sheet: str          # the style sheet apply() last set


_state: _State = {"mode": "light", "base_pt": None, "desktop_dark": None, "fusion": False,
                  "sheet": ""}

# Arguments for a new QApplication that make Qt choose Fusion itself: ~9 ms less at
# start-up than app.setStyle(), whose returned QStyle makes PySide build its enums.
STYLE_ARGS = ("-style", "Fusion")


class _Notifier(QObject):
    changed = Signal(str)  # the new mode, after palette, font and stylesheet are applied


notifier = _Notifier()
"""Widgets that paint with theme colours (icons, charts) listen to `notifier.changed`."""


@cache
def _palettes() -> dict[str, dict[str, str]]:
    text = resources.read_text("styles", "palettes.toml")
    palettes = read_palettes(text)
    if palettes is None:   # a form the quick reading below doesn't know: full TOML
        import tomllib

        palettes = tomllib.loads(text)
    return palettes


_TOKEN = re.compile(r'([A-Za-z0-9_]+) = "(#[0-9A-Fa-f]{6})"\s*(?:#.*)?')


def read_palettes(text: str) -> dict[str, dict[str, str]] | None:
    """palettes.toml's tables of `name = "#RRGGBB"` lines, read without tomllib
    (whose import and regular expressions cost ~4 ms before the first paint); None
    for any line of another form, which then goes to tomllib."""
    palettes: dict[str, dict[str, str]] = {}
    table: dict[str, str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]") and line[1:-1].isidentifier():
            if line[1:-1] in palettes:
                return None
            table = palettes[line[1:-1]] = {}
            continue
        token = _TOKEN.fullmatch(line)
        if token is None or table is None or token[1] in table:
            return None
        table[token[1]] = token[2]
    return palettes


@cache
def _stylesheet_template() -> str:
    return resources.read_text("styles", "app.qss")


def resolve_mode(theme: str) -> str:
    """'light' or 'dark' for a theme setting; 'system' follows the desktop, and falls
    back to light when the desktop doesn't say.

    The desktop's choice is read from the palette Qt's platform theme builds from it
    (dark when its window colour is dark), captured before our own palette replaces
    it. Asking `styleHints().colorScheme()` instead would make PySide build every enum
    of the `Qt` namespace, about 30 ms, before the first window can paint."""
    if theme in ("light", "dark"):
        return theme
    if _state["desktop_dark"] is None:
        window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
        _state["desktop_dark"] = window.lightness() < 128
    return "dark" if _state["desktop_dark"] else "light"


def colors(mode: str | None = None) -> dict[str, QColor]:
    """The palette tokens as QColors: for the current mode by default. The chart
    painter asks for 'light' explicitly when printing."""
    chosen = mode or str(_state["mode"])
    return {name: QColor(value) for name, value in _palettes()[chosen].items()}


def current_mode() -> str:
    return str(_state["mode"])


def _qpalette(tokens: dict[str, str]) -> QPalette:
    c = {name: QColor(value) for name, value in tokens.items()}
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c["window"],
        QPalette.ColorRole.WindowText: c["text"],
        QPalette.ColorRole.Base: c["surface"],
        QPalette.ColorRole.AlternateBase: c["window"],
        QPalette.ColorRole.Text: c["text"],
        QPalette.ColorRole.PlaceholderText: c["muted"],
        QPalette.ColorRole.Button: c["surface"],
        QPalette.ColorRole.ButtonText: c["text"],
        QPalette.ColorRole.ToolTipBase: c["surface"],
        QPalette.ColorRole.ToolTipText: c["text"],
        QPalette.ColorRole.Highlight: c["accent"],
        QPalette.ColorRole.HighlightedText: c["accent_text"],
        QPalette.ColorRole.Link: c["accent"],
        QPalette.ColorRole.LinkVisited: c["accent"],
        QPalette.ColorRole.Mid: c["border"],
        QPalette.ColorRole.Midlight: c["border"],
        QPalette.ColorRole.Light: c["surface"],
        QPalette.ColorRole.Dark: c["border"],
        QPalette.ColorRole.Shadow: c["border"],
        QPalette.ColorRole.BrightText: c["danger"],
        QPalette.ColorRole.Accent: c["accent"],
    }
    for role, color in roles.items():
        pal.setColor(role, color)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, c["muted"])
    return pal


def font_sizes(base_pt: float) -> dict[str, str]:
    return {
        "font_small": f"{base_pt * 0.88:.1f}pt",
        "font_base": f"{base_pt:.1f}pt",
        "font_large": f"{base_pt * 1.25:.1f}pt",
        "font_title": f"{base_pt * 1.6:.1f}pt",
    }


def stylesheet(mode: str, base_pt: float) -> str:
    tokens = {**_palettes()[mode], **font_sizes(base_pt), "mode": mode,
              "icons": resources.path("icons").as_posix()}
    # Longest names first, so @accent_soft is not read as @accent + "_soft".
    pattern = re.compile("@(" + "|".join(sorted(tokens, key=len, reverse=True)) + ")")
    return pattern.sub(lambda m: tokens[m.group(1)], _stylesheet_template())


def apply(app: QApplication, *, theme: str = "system", text_scale: int = 100) -> None:
    """Apply a theme setting ('system', 'light', 'dark') and a text size (percent of
    the platform's default) to the whole application, at once."""
    base = _state["base_pt"]
    if base is None:
        default_pt = app.font().pointSizeF()
        # Offscreen and some desktops report a small default; keep body text readable.
        base = _state["base_pt"] = max(default_pt if default_pt > 0 else 10.0, 10.5)
    base_pt = base * text_scale / 100
    mode = resolve_mode(theme)
    _state["mode"] = mode
    if not _state["fusion"]:          # once per application is enough
        app.setStyle("Fusion")
        mark_fusion_set()
    sheet = stylesheet(mode, base_pt)
    if sheet == _state["sheet"] == app.styleSheet() and app.font().pointSizeF() == base_pt:
        # Already so (unlocking with the theme the unlock screen has): setting the
        # same sheet again would polish every widget anew for nothing (~9 ms).
        return
    app.setPalette(_qpalette(_palettes()[mode]))
    font = QFont(app.font())
    font.setPointSizeF(base_pt)
    app.setFont(font)
    app.setStyleSheet(sheet)
    _state["sheet"] = sheet
    notifier.changed.emit(mode)


def mark_fusion_set() -> None:
    """The application already uses Fusion (it was made with STYLE_ARGS)."""
    _state["fusion"] = True


def _application() -> QApplication | None:
    """The application; TrustDesk only ever makes a QApplication."""
    return cast("QApplication | None", QApplication.instance())


def current_font() -> QFont:
    app = _application()
    return QFont(app.font()) if app else QFont()


def base_point_size() -> float:
    """The body text size in points, after the text-size setting."""
    app = _application()
    return app.font().pointSizeF() if app else 10.5
