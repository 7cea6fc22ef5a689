"""The report layer paints with QtGui only: no widgets, no print-support module
(a QPrinter is made by the UI, and only when the person prints), no UI imports."""

from __future__ import annotations

import pytest

from tests.test_architecture import imports_of, loaded_after_importing, modules_under

ALLOWED_QT = ("PySide6.QtCore", "PySide6.QtGui")


def test_report_imports_only_qtcore_and_qtgui_and_never_the_ui():
    for module in modules_under("report"):
        for name in imports_of(module):
            if name.startswith("PySide6."):
                assert name.startswith(ALLOWED_QT), f"{module.name} imports {name}"
            assert not name.startswith("trustdesk.ui"), f"{module.name} imports {name}"
        assert "QPrinter(" not in module.read_text(encoding="utf-8"), module.name


@pytest.mark.slow
def test_importing_the_report_loads_no_widgets_or_print_support():
    loaded = loaded_after_importing("trustdesk.report.summary, trustdesk.report.charts",
                                    "PySide6.Qt")
    assert loaded == "['PySide6.QtCore', 'PySide6.QtGui']"
