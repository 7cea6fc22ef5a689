"""The Journal page and its parts: list model and delegate, editor, filter bar,
check-in ratings, tags field, saver and undo offer."""

from trustdesk.ui.journal.page import JournalPage

__all__ = ["JournalPage"]
