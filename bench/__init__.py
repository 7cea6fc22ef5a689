"""TrustDesk\x27s benchmark (see README.md here)."""
