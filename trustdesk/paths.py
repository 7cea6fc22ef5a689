"""Where TrustDesk keeps its files. The only module that decides data locations.

The data folder holds exactly: the vault, its SQLite side files while it is open,
the instance lock, `window.ini` (window geometry only), `reminders.ini` (reminder
switches, times and dates only, read while locked), the `backups/` folder, and
earlier journals a restore kept aside (`journal-<time>-before-restore.trustdesk`,
`journal-<time>-damaged.trustdesk`) and logs from an earlier moment that opening
set aside (`journal.trustdesk-wal.set-aside-<time>`), all encrypted.
"""

from __future__ import annotations

import os
import posixpath
import sys
from collections.abc import Mapping
from pathlib import Path

ENV_DATA_DIR = "TRUSTDESK_DATA_DIR"
VAULT_NAME = "journal.trustdesk"
LOCK_NAME = "trustdesk.lock"
WINDOW_STATE_NAME = "window.ini"
REMINDERS_NAME = "reminders.ini"
AUTOSTART_NAME = "trustdesk.desktop"
BACKUP_DIR_NAME = "backups"


def data_dir(override: str | os.PathLike[str] | None = None,
             environ: Mapping[str, str] | None = None) -> Path:
    """The data folder: `override` (from --data-dir) first, then $TRUSTDESK_DATA_DIR,
    then the platform's user data folder. Nothing is created here."""
    env = os.environ if environ is None else environ
    if override:
        return Path(override).expanduser().absolute()
    if env.get(ENV_DATA_DIR):
        return Path(env[ENV_DATA_DIR]).expanduser().absolute()
    if (quick := _linux_user_data_path()) is not None:
        return quick
    import platformdirs  # only when no folder was given: it costs ~5 ms at start-up

    return platformdirs.user_data_path("TrustDesk", appauthor=False)


def _linux_user_data_path() -> Path | None:
    """What platformdirs answers on a Linux desktop, without importing it (~5 ms
    before the first paint): $XDG_DATA_HOME/TrustDesk when that is an absolute path,
    else ~/.local/share/TrustDesk with an absolute $HOME. None in every other case
    (other systems, Android, a relative or missing HOME), which platformdirs decides;
    tests/test_paths.py checks the two agree. Like platformdirs, it reads os.environ."""
    env = os.environ
    if not sys.platform.startswith("linux") or hasattr(sys, "getandroidapilevel") \
            or "ANDROID_DATA" in env or "ANDROID_ROOT" in env:
        return None
    xdg = env.get("XDG_DATA_HOME", "")
    if posixpath.isabs(xdg):
        return Path(os.path.join(xdg, "TrustDesk"))  # platformdirs' own join
    if posixpath.isabs(env.get("HOME", "")):
        return Path(os.path.join(os.path.expanduser("~/.local/share"), "TrustDesk"))
    return None


def vault_path(folder: Path) -> Path:
    return folder / VAULT_NAME


def lock_path(folder: Path) -> Path:
    return folder / LOCK_NAME


def window_state_path(folder: Path) -> Path:
    return folder / WINDOW_STATE_NAME


def reminders_path(folder: Path) -> Path:
    return folder / REMINDERS_NAME


def default_backup_dir(folder: Path) -> Path:
    return folder / BACKUP_DIR_NAME


def ensure_private_dir(folder: Path) -> Path:
    """Create `folder` (and parents) readable by the owner only (0700).

    A folder we create is made 0700; an existing folder the person chose is left
    as it is, because the vault file inside it is 0600 anyway."""
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask
    return folder


def xdg_data_home(environ: Mapping[str, str] | None = None) -> Path:
    """Where desktop entries and icons for this user go: $XDG_DATA_HOME when it is an
    absolute path (the XDG rule: a relative one is ignored), else ~/.local/share."""
    env = os.environ if environ is None else environ
    configured = env.get("XDG_DATA_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path(env.get("HOME") or Path.home()) / ".local" / "share"


def xdg_config_home(environ: Mapping[str, str] | None = None) -> Path:
    """Where per-user settings of the desktop go (autostart entries among them):
    $XDG_CONFIG_HOME when absolute, else ~/.config."""
    env = os.environ if environ is None else environ
    configured = env.get("XDG_CONFIG_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path(env.get("HOME") or Path.home()) / ".config"


def autostart_path(environ: Mapping[str, str] | None = None) -> Path:
    """The login autostart entry Settings adds and removes."""
    return xdg_config_home(environ) / "autostart" / AUTOSTART_NAME
