"""The fear-reframing worksheet page: the list, the guided form and the follow-up."""

from __future__ import annotations

from trustdesk.ui.worksheets.page import WorksheetsPage

__all__ = ["WorksheetsPage"]
