"""TrustDesk: a private, offline journal and workbook for learning to trust again."""

__version__ = "0.1.0"
APP_NAME = "TrustDesk"
