"""One TrustDesk per data folder; a crashed holder never leaves the folder stuck."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from trustdesk.storage.errors import VaultInUse
from trustdesk.storage.instance_lock import InstanceLock

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from trustdesk.storage.instance_lock import InstanceLock
    lock = InstanceLock(Path(sys.argv[1]))
    print("held", flush=True)
    time.sleep(60)
""")


def test_second_lock_in_the_same_process_is_refused(tmp_path):
    with InstanceLock(tmp_path / "trustdesk.lock"), pytest.raises(VaultInUse):
        InstanceLock(tmp_path / "trustdesk.lock")


def test_lock_is_free_again_after_release(tmp_path):
    InstanceLock(tmp_path / "trustdesk.lock").release()
    InstanceLock(tmp_path / "trustdesk.lock").release()


@pytest.mark.slow
def test_lock_held_by_another_process_then_reclaimed_after_it_is_killed(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path / "trustdesk.lock")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(VaultInUse):
            InstanceLock(tmp_path / "trustdesk.lock")
    finally:
        holder.kill()
        holder.wait()
    InstanceLock(tmp_path / "trustdesk.lock").release()
