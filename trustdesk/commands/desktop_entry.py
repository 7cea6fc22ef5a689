"""`trustdesk desktop-entry install|uninstall`: put TrustDesk in the application menu.

For people who installed with pip or pipx (and for the bundle's install script):
writes the desktop entry, with an Exec line naming this installation's `trustdesk`
by its absolute path, and the hicolor icons under the user's data folder
($XDG_DATA_HOME, else ~/.local/share), and removes exactly those files again.
The files come from the resources shipped with this installation. No Qt is
imported; nothing outside the data folder's applications/ and icons/ is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import sysconfig
import tempfile
from collections.abc import Sequence
from pathlib import Path

from trustdesk import paths, resources
from trustdesk.commands import OK, UsageError

APP_ID = "org.trustdesk.TrustDesk"
DESKTOP_NAME = f"{APP_ID}.desktop"
# Characters that make the desktop entry spec require an Exec argument to be quoted.
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "desktop-entry", help="add TrustDesk to (or remove it from) your application menu",
        description="Add TrustDesk to your desktop's application menu, or remove it. "
                    "Writes a desktop entry and icons under $XDG_DATA_HOME (usually "
                    "~/.local/share); your journal is not touched.")
    parser.add_argument("action", choices=("install", "uninstall"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        raise UsageError("Menu entries made by this command are for Linux desktops.")
    data_home = paths.xdg_data_home()
    if args.action == "install":
        command = launcher()
        written = install(data_home, command)
        print(f"Added TrustDesk to your application menu: {written[0]}")
        print(f"It starts: {' '.join(command)}")
        return OK
    removed = uninstall(data_home)
    if removed:
        print(f"Removed TrustDesk from your application menu ({len(removed)} files).")
    else:
        print("TrustDesk was not in your application menu; nothing to remove.")
    return OK


def launcher() -> list[str]:
    """The absolute command that starts this installation of TrustDesk: the bundle's
    executable, else the `trustdesk` script installed with this interpreter (a venv,
    a pipx venv or a user install), else this interpreter with `-m trustdesk`."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).absolute())]
    script = "trustdesk.exe" if os.name == "nt" else "trustdesk"
    folders = [Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))]
    user_scheme = f"{os.name}_user"
    if user_scheme in sysconfig.get_scheme_names():
        folders.append(Path(sysconfig.get_path("scripts", user_scheme)))
    for folder in folders:
        candidate = folder / script
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "trustdesk"]


def install(data_home: Path, command: Sequence[str]) -> list[Path]:
    """Write the desktop entry (first in the returned list) and the icons under
    `data_home`, replacing earlier copies. Returns the files written."""
    entry = desktop_entry_text(resources.linux_path(DESKTOP_NAME).read_text(encoding="utf-8"),
                               command)
    written = [_write(data_home / "applications" / DESKTOP_NAME, entry.encode("utf-8"))]
    for relative, source in _icon_files():
        written.append(_write(data_home / "icons" / relative, source.read_bytes()))
    # Desktops notice new icons by the theme folder's time stamp.
    os.utime(data_home / "icons" / "hicolor")
    return written


def uninstall(data_home: Path) -> list[Path]:
    """Remove the desktop entry and icons that `install` writes. Returns what was there."""
    targets = [data_home / "applications" / DESKTOP_NAME]
    targets += [data_home / "icons" / relative for relative, _ in _icon_files()]
    removed = []
    for target in targets:
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        removed.append(target)
    return removed


def desktop_entry_text(template: str, command: Sequence[str]) -> str:
    """The shipped desktop entry with its Exec (and a TryExec) pointing at `command`,
    quoted and escaped as the desktop entry specification asks."""
    if not command or any("\n" in part or "\r" in part for part in command):
        raise UsageError("TrustDesk's location can't be written into a menu entry.")
    lines = []
    for line in template.splitlines():
        if line.startswith("TryExec="):
            continue
        if line.startswith("Exec="):
            lines.append("TryExec=" + _escape_value(command[0]))
            line = "Exec=" + _escape_value(" ".join(_quote_argument(arg) for arg in command))
        lines.append(line)
    return "\n".join(lines) + "\n"


def _quote_argument(argument: str) -> str:
    argument = argument.replace("%", "%%")
    if not any(char in _RESERVED for char in argument):
        return argument
    escaped = "".join("\\" + char if char in '"`$\\' else char for char in argument)
    return f'"{escaped}"'


def _escape_value(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t")


def _icon_files() -> list[tuple[Path, Path]]:
    """(path relative to the icons folder, shipped file) for every hicolor icon."""
    icons = resources.linux_path("icons")
    return sorted((source.relative_to(icons), source)
                  for source in icons.rglob("*") if source.is_file())


def _write(target: Path, data: bytes) -> Path:
    """Write `data` to `target` atomically (a temporary file in the same folder)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".trustdesk-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
