"""Whether the app has a display to open its window on, decided before Qt loads.

Without one, Qt's xcb plugin aborts with a message about missing libraries and a
core-dump exit, which sends people looking for the wrong fix. The commands don't
need a display; only opening the window does."""

from __future__ import annotations

from collections.abc import Mapping

NO_DISPLAY_MESSAGE = ("No display was found, so the window can't open (DISPLAY and "
                      "WAYLAND_DISPLAY are not set). Start TrustDesk from your desktop "
                      "session; the commands in `trustdesk --help` work without one.")

# Platforms that draw without a display server, or on the console's own screen.
_NO_SERVER = ("offscreen", "minimal", "minimalegl", "eglfs", "linuxfb", "vnc", "vkkhrdisplay")


def available(environ: Mapping[str, str], platform: str) -> bool:
    """True unless, on Linux and other X11/Wayland systems, none of the Qt
    platforms asked for (QT_QPA_PLATFORM, "a;b" tries each) can find its server."""
    if platform.startswith(("win", "darwin", "cygwin")):
        return True
    x11 = bool(environ.get("DISPLAY"))
    wayland = bool(environ.get("WAYLAND_DISPLAY"))
    asked = [p.split(":", 1)[0].strip() for p in environ.get("QT_QPA_PLATFORM", "").split(";")]
    asked = [p for p in asked if p] or ["default"]
    for name in asked:
        if name in _NO_SERVER:
            return True
        if name == "xcb" and x11:
            return True
        if name.startswith("wayland") and wayland:
            return True
        if name == "default" and (x11 or wayland):
            return True
    return False
