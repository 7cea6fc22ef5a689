"""Keep a crash from writing the journal to disk.

A core dump of an unlocked TrustDesk holds the words on screen and the passphrase.
`harden_process()` runs first thing in `trustdesk.cli.main`, for the app and every
command: it sets the core-size limit to 0 and, on Linux, marks the process
non-dumpable (`prctl(PR_SET_DUMPABLE, 0)`), which also stops a desktop's crash
handler (systemd-coredump, apport) from keeping a copy and other processes of the
same user from reading our memory through /proc or ptrace. KeePassXC does the same.

Each step is best effort: a platform without it is not an error, and the result
says what was done, so tests and `--debug` can tell.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


@dataclass(frozen=True)
class Hardening:
    """What `harden_process` managed: no core files, and not dumpable."""

    no_core_files: bool
    not_dumpable: bool


def harden_process() -> Hardening:
    """Forbid core dumps for this process and what it starts. Call before any
    decrypted text or passphrase exists; cheap (two system calls)."""
    return Hardening(no_core_files=_no_core_files(), not_dumpable=_not_dumpable())


def _no_core_files() -> bool:
    try:
        import resource
    except ImportError:  # not a Unix
        return False
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError):
        return False
    return resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)


def _not_dumpable() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        prctl = libc.prctl
        prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                          ctypes.c_ulong]
        prctl.restype = ctypes.c_int
        if prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
            return False
        return int(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False
