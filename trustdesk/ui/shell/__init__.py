"""The shell: the session (lock, unlock, auto-lock, restore, erase, rescue), the
main window that shows the screen for the session's state, and those screens."""
