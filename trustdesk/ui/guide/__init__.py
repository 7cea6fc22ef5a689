"""The Guide page: a contents list, a chapter reader, search and reading progress."""

from trustdesk.ui.guide.page import GuidePage

__all__ = ["GuidePage"]
