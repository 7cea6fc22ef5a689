"""A private D-Bus session bus with a stand-in notification service, for tests.

`private_session_bus()` starts a `dbus-daemon` of our own (a unix socket in a
temporary folder, never TCP) and stops it afterwards. `NotificationService` runs
this file as a separate process that owns `org.freedesktop.Notifications` on that
bus, as a desktop's notification daemon does: it answers Introspect, records every
Notify call (with the D-Bus signature it arrived in) and sends `ActionInvoked` when
told to, as a click would. It speaks D-Bus through jeepney (pure Python, test-only).

As a process: `python notification_service.py ADDRESS [--click]`; it prints "ready",
then one JSON line per Notify; a line "click ID ACTION" on stdin sends ActionInvoked
(with --click, each notification is clicked as soon as it is shown).
"""

from __future__ import annotations

import json
import os
import queue
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"

_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

_INTROSPECTION = """<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
  </interface>
</node>
"""


@dataclass
class PrivateBus:
    address: str
    pid: int


@contextmanager
def private_session_bus(folder: Path) -> Iterator[PrivateBus]:
    """A dbus-daemon listening on a unix socket in `folder`, stopped on exit."""
    tool = shutil.which("dbus-daemon")
    if tool is None:
        import pytest

        pytest.skip("dbus-daemon is not installed (Debian package dbus-daemon)")
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "bus.conf"
    config.write_text(_CONFIG.format(folder=folder))
    done = subprocess.run([tool, f"--config-file={config}", "--fork", "--print-address=1",
                           "--print-pid=1"], capture_output=True, text=True, timeout=60)
    address, pid = done.stdout.split()[:2]
    try:
        yield PrivateBus(address, int(pid))
    finally:
        os.kill(int(pid), signal.SIGTERM)


@dataclass
class Notification:
    id: int
    signature: str
    app_name: str
    replaces_id: int
    icon: str
    summary: str
    body: str
    actions: list[str]
    hints: dict[str, object]
    timeout: int


class NotificationService:
    """This file run as a process on `address` (see the module docstring)."""

    def __init__(self, address: str, *, auto_click: bool = False) -> None:
        self.address = address
        self.auto_click = auto_click
        self.received: list[Notification] = []
        self._lines: queue.Queue[str] = queue.Queue()
        self._process: subprocess.Popen[str] | None = None

    def __enter__(self) -> NotificationService:
        self._process = subprocess.Popen(
            [sys.executable, __file__, self.address, *(["--click"] if self.auto_click else [])],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, bufsize=1)
        threading.Thread(target=self._read, daemon=True).start()
        if self._lines.get(timeout=60) != "ready":
            raise RuntimeError("the notification service didn't start")
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(30)

    def _read(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            line = line.strip()
            if line.startswith("{"):
                self.received.append(Notification(**json.loads(line)))
            else:
                self._lines.put(line)

    def click(self, notification: Notification, action: str = "default") -> None:
        """As if the person clicked the notification (its default action)."""
        assert self._process is not None and self._process.stdin is not None
        self._process.stdin.write(f"click {notification.id} {action}\n")
        self._process.stdin.flush()

    def wait_for(self, count: int, timeout: float = 20.0, *, pump=None) -> list[Notification]:
        """The notifications so far, once there are `count` (or `timeout` passed);
        `pump` (e.g. QApplication.processEvents) runs while waiting."""
        end = time.monotonic() + timeout
        while len(self.received) < count and time.monotonic() < end:
            if pump is not None:
                pump()
            time.sleep(0.02)
        return list(self.received)


def _serve(address: str, auto_click: bool = False) -> None:
    from jeepney import DBusAddress, HeaderFields, MessageType, new_method_return, new_signal
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    number = 0
    with open_dbus_connection(bus=address) as conn:
        conn.send_and_get_reply(message_bus.RequestName(NAME))
        print("ready", flush=True)
        emitter = DBusAddress(PATH, interface=NAME)
        while True:
            if select.select([sys.stdin], [], [], 0)[0]:
                line = sys.stdin.readline()
                if not line:
                    return
                _click, ident, action = line.split()
                conn.send(new_signal(emitter, "ActionInvoked", "us", (int(ident), action)))
            try:
                message = conn.receive(timeout=0.05)
            except TimeoutError:
                continue
            if message.header.message_type is not MessageType.method_call:
                continue
            member = message.header.fields.get(HeaderFields.member)
            if member == "Introspect":
                conn.send(new_method_return(message, "s", (_INTROSPECTION,)))
            elif member == "Notify":
                number += 1
                names = ("app_name", "replaces_id", "icon", "summary", "body", "actions",
                         "hints", "timeout")
                record = dict(zip(names, message.body, strict=True))
                record["hints"] = {key: repr(value) for key, value in record["hints"].items()}
                record.update(id=number,
                              signature=message.header.fields.get(HeaderFields.signature, ""))
                print(json.dumps(record), flush=True)
                conn.send(new_method_return(message, "u", (number,)))
                if auto_click:
                    conn.send(new_signal(emitter, "ActionInvoked", "us", (number, "default")))
            elif member == "GetCapabilities":
                conn.send(new_method_return(message, "as", (["actions", "body"],)))
            elif member == "GetServerInformation":
                conn.send(new_method_return(message, "ssss",
                                            ("test", "trustdesk-tests", "1", "1.2")))
            elif member == "CloseNotification":
                conn.send(new_method_return(message))


if __name__ == "__main__":
    _serve(sys.argv[1], auto_click="--click" in sys.argv[2:])
