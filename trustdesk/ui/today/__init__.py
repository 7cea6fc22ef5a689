from trustdesk.ui.today.page import TodayPage

__all__ = ["TodayPage"]
