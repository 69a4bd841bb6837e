"""content/reports/<plan-id>/<period>.yml: what agencies report they did for a plan.

One file per plan and reporting period (a year, ``2025``, or a quarter, ``2025-q3``). Per task:
its status, what was done in plain words, figures against the task's targets, evidence. Whether a
task is late is never typed: it follows from the task's deadline and the date of the report."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from phobien.model.common import Model, Slug, Text, WebUrl

PERIOD = re.compile(r"^(?P<year>\d{4})(?:-q(?P<quarter>[1-4]))?$")
"""A reporting period: a year (``2025``) or a quarter of a year (``2025-q3``)."""


def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    """First and last day of a period written as :data:`PERIOD` (checked beforehand)."""
    m = PERIOD.match(period)
    if m is None:
        raise ValueError(period)
    year = int(m.group("year"))
    if not m.group("quarter"):
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    q = int(m.group("quarter"))
    first = dt.date(year, 3 * q - 2, 1)
    last = dt.date(year + (q == 4), (3 * q) % 12 + 1, 1) - dt.timedelta(days=1)
    return first, last


def _period(value: str) -> str:
    if not PERIOD.match(value):
        raise ValueError(f"'{value}' is not a reporting period; write a year (2025) or a quarter of a year (2025-q3)")
    return value


Period = Annotated[Text, AfterValidator(_period)]


class Figure(Model):
    """A number reported against one of the task's targets."""

    target: Slug = Field(description="Id of the target in the task's 'targets' in the plan.")
    value: float = Field(ge=0, description="The number reached, e.g. 3200.")
    unit: Text = Field(description="Its unit, the same as the target's, e.g. 'tờ rơi'.")


class Evidence(Model):
    """Where what was done can be checked: a document number or a link."""

    title: Text = Field(description="What it is, e.g. 'Báo cáo số 512/BC-STP'.")
    number: Text | None = Field(None, description="Document number, e.g. '512/BC-STP'.")
    url: WebUrl | None = Field(None, description="Web address (https://...), if it has one.")


class TaskReport(Model):
    """What was done for one task of the plan in the period."""

    task: Text = Field(description="The task's id in the plan (its numbering), e.g. 'II.1.a'.")
    status: Literal["not_started", "in_progress", "done", "dropped"] = Field(
        description="not_started, in_progress, done or dropped ('late' is worked out from the deadline)."
    )
    done: Text | None = Field(
        None, description="What was done, in plain words; phobien check asks for it when status is 'done'."
    )
    figures: list[Figure] = Field(default_factory=list, description="Numbers against the task's targets.")
    evidence: list[Evidence] = Field(default_factory=list, description="Documents or links that show it.")
    agency: Slug | None = Field(None, description="The agency that did it, if not the one that reports.")


class Report(Model):
    """One report on one plan for one period."""

    plan: Slug = Field(description="Id of the plan (its file name in content/plans/); the folder's name.")
    period: Period = Field(description="'2025' (a year) or '2025-q3' (a quarter).")
    reported_by: Slug = Field(description="Id of the agency that sends the report.")
    date: dt.date = Field(description="Date of the report.")
    number: Text | None = Field(None, description="The report's document number, e.g. '512/BC-STP'.")
    place: Text | None = Field(
        None, description="Place written before the date, e.g. 'Hà Nội' (default: the province of the reporting body)."
    )
    example: bool = Field(
        False,
        description="true for invented example data: the pages say so and open data leaves it out.",
    )
    tasks: list[TaskReport] = Field(min_length=1, description="What was done, task by task.")
