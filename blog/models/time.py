"""Timestamps are stored as naive UTC so SQLite and PostgreSQL hold the same values."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    """The current time in UTC, without tzinfo (the database columns carry none)."""
    return datetime.now(UTC).replace(tzinfo=None)
