"""`reminders.ini` in the data folder: the reminder switches, the daily time and
dates, never anything a person wrote (see domain/reminders.py). Readable while the
journal is locked by design; written 0600 through a staged file like `window.ini`.

Threading: UI thread (a few hundred bytes).
"""

from __future__ import annotations

from pathlib import Path

from trustdesk import paths
from trustdesk.domain.reminders import ReminderPrefs, format_prefs, parse_prefs
from trustdesk.storage.staging import staged_file


def load(folder: Path) -> ReminderPrefs:
    """The saved reminder settings; all off when there is no file or it can't be read."""
    try:
        text = paths.reminders_path(folder).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ReminderPrefs()
    return parse_prefs(text)


def save(folder: Path, prefs: ReminderPrefs) -> bool:
    """Write `prefs`; False (nothing changed) when the folder is missing or can't be
    written. With every reminder off and nothing waiting, the file is removed."""
    path = paths.reminders_path(folder)
    if not folder.is_dir():
        return False
    try:
        if prefs == ReminderPrefs(daily_time=prefs.daily_time) and not prefs.any_on():
            path.unlink(missing_ok=True)
            return True
        with staged_file(path, ".partial") as staging:
            staging.write_bytes(format_prefs(prefs).encode("utf-8"))
    except OSError:
        return False
    return True
