"""Use the desktop's D-Bus session bus when there is one; never start one.

Qt talks to the session bus on its own (the accessibility bridge, the desktop
theme) and TrustDesk listens there for the screen locking (`desktop_signals`).
When no bus is announced, libdbus "autolaunches" one: it runs `dbus-launch`, which
starts a `dbus-daemon` that keeps running after TrustDesk has quit. A private app
must not leave processes behind, so before Qt starts:

- DBUS_SESSION_BUS_ADDRESS already set: that bus is used, as always;
- else the per-user bus socket `$XDG_RUNTIME_DIR/bus` exists (systemd's user bus):
  its address is set, which is what libdbus would pick anyway;
- else there is no bus: the address is set to `disabled:`, which libdbus (and GLib)
  refuse at once, so nothing is launched and the app works without a bus.

Linux and the BSDs only; other systems have no session bus to speak of.
Threading: call once, on the main thread, before the QApplication exists.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import MutableMapping
from pathlib import Path

ADDRESS_ENV = "DBUS_SESSION_BUS_ADDRESS"
NO_BUS = "disabled:"


def keep_to_an_existing_bus(environ: MutableMapping[str, str] | None = None, *,
                            platform: str = sys.platform) -> str:
    """Make sure no session bus will be launched for us (see the module's docstring).
    Returns which case applied: "given", "user bus" or "none" ("skipped" elsewhere)."""
    env = os.environ if environ is None else environ
    if platform == "darwin" or platform.startswith(("win", "cygwin")):
        return "skipped"
    if env.get(ADDRESS_ENV):
        return "given"
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_absolute():
        bus = Path(runtime) / "bus"
        try:
            if stat.S_ISSOCK(os.stat(bus).st_mode):
                env[ADDRESS_ENV] = f"unix:path={bus}"
                return "user bus"
        except OSError:
            pass
    env[ADDRESS_ENV] = NO_BUS
    return "none"
