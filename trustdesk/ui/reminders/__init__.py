"""Gentle reminders: kept outside the journal so they work while it is locked
(prefs_file), shown as desktop notifications or from a tray icon (notifier), timed
by a clock that can be injected (scheduler), and an optional start at login
(autostart). See docs/architecture.md, "Reminders"."""
