"""How many copies of what a person wrote, and of their passphrase, are in the app's
memory while unlocked and after Lock.

    python bench/memory_scan.py              unlock, write, lock: counts at each step
    python bench/memory_scan.py --json FILE  also write the counts as JSON

A child process (bench/memory_scan_app.py) runs the real window, offscreen and
hardened as the app is: the passphrase is typed into the unlock screen and a marker
sentence into a journal entry, one key at a time, from reversed copies given on its
command line, so the child never holds them except through the app. At each step
this process reads the child's whole memory (/proc/PID/maps and /proc/PID/mem) and
counts the marker and the passphrase as UTF-8 (Python, SQLite) and UTF-16 (Qt)
bytes, in live and freed memory alike. The app marks itself non-dumpable, so
reading its memory needs root or CAP_SYS_PTRACE; without it the scan says so.

Steps: before unlock; unlocked; the entry written, saved and searched for; after
Lock (deferred deletions run, background work finished); unlocked again; after a
second Lock. Linux only. Asserts nothing; see bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

MARKER = "PANGOLIN-SEMAPHORE-8815 the thing I never said out loud"
PASSPHRASE = "quiet lantern orchard 5521"
CHUNK = 8 << 20
_REGION = re.compile(r"^([0-9a-f]+)-([0-9a-f]+) (\S+)")


# -- this process: drive the child and read its memory ----------------------------------
def count_in_memory(pid: int, needles: dict[str, bytes]) -> dict[str, int]:
    """Occurrences of each needle in every readable mapping of process `pid`."""
    counts = dict.fromkeys(needles, 0)
    overlap = max(len(n) for n in needles.values()) - 1
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", 0) as mem:
        for line in maps:
            match = _REGION.match(line)
            if match is None or not match.group(3).startswith("r"):
                continue
            start, end = int(match.group(1), 16), int(match.group(2), 16)
            tail = b""
            position = start
            while position < end:
                try:
                    mem.seek(position)
                    data = mem.read(min(CHUNK, end - position))
                except (OSError, ValueError, OverflowError):
                    break
                if not data:
                    break
                window = tail + data
                for name, needle in needles.items():
                    # Those wholly inside the carried-over tail were counted already.
                    counts[name] += window.count(needle) - tail.count(needle)
                tail = window[-overlap:] if overlap else b""
                position += len(data)
    return counts


def needles() -> dict[str, bytes]:
    return {"marker_utf8": MARKER.encode("utf-8"),
            "marker_utf16": MARKER.encode("utf-16-le"),
            "passphrase_utf8": PASSPHRASE.encode("utf-8"),
            "passphrase_utf16": PASSPHRASE.encode("utf-16-le")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the counts here")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux"):
        print("memory_scan reads /proc: Linux only")
        return 1

    from trustdesk.storage.vault import Vault

    with tempfile.TemporaryDirectory(prefix="trustdesk-scan-") as tmp:
        folder = Path(tmp) / "data"
        folder.mkdir(mode=0o700)
        Vault.create(folder / "journal.trustdesk", PASSPHRASE).close()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
               "HOME": tmp, "XDG_CONFIG_HOME": tmp, "XDG_DATA_HOME": tmp,
               "XDG_CACHE_HOME": tmp}
        app = subprocess.Popen(
            [sys.executable, str(HERE / "memory_scan_app.py"), str(folder), PASSPHRASE[::-1],
             MARKER[::-1]],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
        results: dict[str, dict[str, int]] = {}

        def step(command: str | None, name: str) -> None:
            assert app.stdin is not None and app.stdout is not None
            if command is not None:
                app.stdin.write(command + "\n")
                app.stdin.flush()
            reply = app.stdout.readline().strip()
            if reply not in ("ready", "done"):
                raise SystemExit(f"the app stopped at {command!r}")
            try:
                results[name] = count_in_memory(app.pid, needles())
            except PermissionError:
                app.kill()
                raise SystemExit("Reading the app's memory needs root or CAP_SYS_PTRACE "
                                 "(the app makes itself non-dumpable).") from None
            print(f"  {name:<34}" + "  ".join(f"{k} {v:>3}" for k, v in results[name].items()),
                  flush=True)

        try:
            step(None, "before unlock")
            step("unlock", "unlocked")
            step("write", "unlocked, entry written and found")
            step("lock", "after Lock")
            step("unlock", "unlocked again")
            step("lock", "after a second Lock")
            app.stdin.write("quit\n")
            app.stdin.flush()
            app.wait(timeout=60)
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
