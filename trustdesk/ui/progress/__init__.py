"""The Progress page: charts of a chosen period, their numbers as tables, and the
printable summary."""

from trustdesk.ui.progress.page import ProgressPage

__all__ = ["ProgressPage"]
