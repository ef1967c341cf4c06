"""Stored times written for machines: the `datetime` of <time>, Atom dates and Open Graph
times, all to the second in UTC ("2026-11-29T20:17:06Z")."""

from datetime import datetime

from flask import Flask


def machine_time(moment: datetime) -> str:
    """A stored (naive UTC) time as a valid HTML date-time string: seconds, no fractions.
    HTML allows fractions of a second only up to three digits, and readers never need them."""
    return moment.replace(microsecond=0).isoformat() + "Z"


def init_app(app: Flask) -> None:
    """Templates write every machine-readable time through the `machine_time` filter."""
    app.add_template_filter(machine_time, "machine_time")
