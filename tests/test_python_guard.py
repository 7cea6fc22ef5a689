"""PySide6 6.12 on CPython 3.10/3.11 drops a reference to None on every call of a
method returning nothing, and the interpreter soon aborts. This test fails on any
Python/PySide6 pair with that bug, so CI can never pick such a pair."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_calls_returning_nothing_keep_none_alive():
    obj = QObject()
    before = sys.getrefcount(None)
    for index in range(2000):
        obj.setObjectName(f"name {index}")
    after = sys.getrefcount(None)
    assert after >= before - 10, f"None lost {before - after} references"


def test_python_is_new_enough():
    assert sys.version_info >= (3, 12)
