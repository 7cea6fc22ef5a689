"""Starting TrustDesk at login, locked, in the tray: an XDG autostart entry
(`$XDG_CONFIG_HOME/autostart/trustdesk.desktop`) that Settings adds and removes.

The entry runs this installation's `trustdesk --tray` (see commands/desktop_entry.py
for how the command is found), with `--data-dir` when the journal isn't in the
default folder. No Qt; a few hundred bytes written atomically.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from trustdesk import paths
from trustdesk.storage.staging import staged_file

TEMPLATE = """[Desktop Entry]
Type=Application
Name=TrustDesk
Comment=Starts TrustDesk locked, in the tray, so its reminders can reach you
Exec=trustdesk --tray
Icon=org.trustdesk.TrustDesk
Terminal=false
NoDisplay=true
X-GNOME-Autostart-enabled=true
"""


def command(folder: Path) -> list[str]:
    """How the entry starts TrustDesk on `folder`."""
    from trustdesk.commands import desktop_entry

    args = [*desktop_entry.launcher(), "--tray"]
    default = paths.data_dir(environ={})   # where a plain `trustdesk` looks
    if Path(folder).absolute() != default:
        args += ["--data-dir", str(Path(folder).absolute())]
    return args


def is_on(environ: Mapping[str, str] | None = None) -> bool:
    return paths.autostart_path(environ).is_file()


def turn_on(folder: Path, environ: Mapping[str, str] | None = None,
            launcher: Sequence[str] | None = None) -> Path:
    """Write the autostart entry; returns its path. OSError if it can't be written."""
    from trustdesk.commands import desktop_entry

    text = desktop_entry.desktop_entry_text(TEMPLATE, list(launcher) if launcher else
                                            command(folder))
    target = paths.autostart_path(environ)
    target.parent.mkdir(parents=True, exist_ok=True)
    with staged_file(target, ".partial") as staging:
        staging.write_bytes(text.encode("utf-8"))
    return target


def turn_off(environ: Mapping[str, str] | None = None) -> bool:
    """Remove the entry (only ours); True if one was there."""
    path = paths.autostart_path(environ)
    if path.is_file():
        path.unlink()
        return True
    return False
