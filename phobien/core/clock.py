"""Today's date, in one place: PHOBIEN_TODAY=YYYY-MM-DD fixes it (tests, reproducible builds)."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    value = os.environ.get("PHOBIEN_TODAY")
    return dt.date.fromisoformat(value) if value else dt.date.today()
