"""A clock the test moves by hand, given to the app through its CLOCK setting (the one
blog.schedule reads): scheduled publishing is tested without waiting or sleeping."""

from datetime import datetime, timedelta

from blog.models import utcnow


class HandClock:
    """The time now, as naive UTC, until the test moves it on."""

    def __init__(self, start: datetime | None = None):
        self.now = (start or utcnow()).replace(second=0, microsecond=0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **how_long: float) -> None:
        """Move the clock on, e.g. advance(minutes=11)."""
        self.now += timedelta(**how_long)

    def form_value(self, **from_now: float) -> str:
        """A `datetime-local` form value (minutes, UTC) this long from now."""
        return (self.now + timedelta(**from_now)).strftime("%Y-%m-%dT%H:%M")


def hand_clock(app) -> HandClock:
    """Give the app a hand clock, starting at the real time now; returns it."""
    clock = HandClock()
    app.config["CLOCK"] = clock
    return clock
