"""The app's threads share two malloc arenas (glibc), so memory one background task
frees is reused by the next instead of stranded in an arena of its own."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")

SCRIPT = textwrap.dedent("""
    import ctypes, os, sys, tempfile, threading
    if sys.argv[1] == "shared":
        from trustdesk.ui.app import share_malloc_arenas
        assert share_malloc_arenas()
    start = threading.Barrier(6)

    def work():
        start.wait()
        kept = [bytes(200) for _ in range(2000)]
        del kept

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    libc = ctypes.CDLL(None)
    libc.fopen.restype = ctypes.c_void_p
    libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
    libc.fclose.argtypes = [ctypes.c_void_p]
    path = os.path.join(tempfile.mkdtemp(), "info.xml")
    stream = libc.fopen(path.encode(), b"w")
    libc.malloc_info(0, stream)
    libc.fclose(stream)
    print(open(path).read().count("<heap nr="))
""")


def heaps(mode: str) -> int:
    done = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True,
                          text=True, timeout=60, check=True)
    return int(done.stdout.strip())


def test_six_threads_use_at_most_two_arenas_once_shared():
    assert heaps("own") >= 4           # glibc's default: an arena per new thread
    assert heaps("shared") <= 2
