"""Plain-Python records and rules. No Qt, no SQL: everything here is easy to test."""
