"""content/plans/*.yml: official plans (kế hoạch) as structured data.

Every normalised value keeps the document's own words beside it (``as_written``), so that
nothing of the official text is lost when it is made machine-readable.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from phobien.model.common import ListOf, Model, ProjectPath, Slug, Text


class Assignment(Model):
    """An agency named as lead or partner of a task, as the plan writes it."""

    agency: Slug = Field(description="Agency id in agencies.yml.")
    as_written: Text | None = Field(None, description="The plan's own wording for this body.")
    requested: bool = Field(False, description="true where the plan can only propose ('Đề nghị Tòa án...').")


def _assignment(value: Any) -> Any:
    return {"agency": value} if isinstance(value, str) else value


AssignmentItem = Annotated[Assignment, BeforeValidator(_assignment)]


class Deadline(Model):
    """When a task is due: the document's words and a normalised form."""

    as_written: Text = Field(description="The plan's own words, e.g. 'Hàng năm', 'Năm 2023'.")
    kind: Literal["yearly", "range", "date", "year", "decision", "ongoing", "quarterly", "unspecified"] = Field(
        description="yearly, a year range, a date, a year, tied to another decision, ongoing, ..."
    )
    start_year: int | None = Field(None, description="First year, for 'range'.")
    end_year: int | None = Field(None, description="Last year, for 'range' and 'year'.")
    date: dt.date | None = Field(None, description="Due date, for 'date' (yearly: any year).")
    decision: Text | None = Field(None, description="Legal document the timing follows, for 'decision'.")

    @model_validator(mode="after")
    def _check(self) -> Deadline:
        need = {
            "range": ("start_year", "end_year"),
            "year": ("end_year",),
            "date": ("date",),
            "decision": ("decision",),
        }
        missing = [f for f in need.get(self.kind, ()) if getattr(self, f) is None]
        if missing:
            raise ValueError(f"a '{self.kind}' deadline needs {' and '.join(missing)}")
        return self


class Section(Model):
    """A heading of the document that groups tasks."""

    id: Text = Field(description="Its numbering path, e.g. 'II.1' or 'A.III'.")
    title: Text = Field(description="The heading text.")


class TaskTarget(Model):
    """A number a task must reach, which reports count against (e.g. 5,000 leaflets)."""

    id: Slug = Field(description="Short id used by reports, e.g. 'to-roi'.")
    text: Text = Field(description="The target as the plan writes it.")
    value: float = Field(ge=0, description="The number, e.g. 5000.")
    unit: Text = Field(description="Its unit, e.g. 'tờ rơi'.")


class Task(Model):
    """One duty the plan gives to agencies."""

    id: Text = Field(description="Its numbering path in the document, e.g. 'II.1.a' or 'A.III.1'.")
    section: Text | None = Field(None, description="Id of the section it sits in.")
    text: Text = Field(description="The full text of the task, corrected for recognition errors.")
    lead: ListOf(AssignmentItem) = Field(default_factory=list, description="Lead agencies (chủ trì).")
    partners: ListOf(AssignmentItem) = Field(default_factory=list, description="Partner agencies (phối hợp).")
    output: Text | None = Field(None, description="Expected result (kết quả dự kiến / sản phẩm).")
    deadline: Deadline | None = Field(None, description="When it is due.")
    request: Text | None = Field(None, description="Request wording where the plan proposes to a body it cannot order.")
    targets: list[TaskTarget] = Field(default_factory=list, description="Numbers this task must reach.")


class Target(Model):
    """A quantified target (chỉ tiêu)."""

    text: Text = Field(description="The target as the plan writes it.")
    measure: Text | None = Field(None, description="What is measured.")
    value: float | None = Field(None, description="The number, e.g. 90 for '90%'.")
    unit: Text | None = Field(None, description="Unit, e.g. '%'.")
    deadline_year: int | None = Field(None, description="Year it must be reached by.")


class PilotModel(Model):
    """A local pilot model a plan sets up (e.g. at ward level)."""

    name: Text = Field(description="Name of the model.")
    ward: Text = Field(description="Ward or commune as the plan names it.")
    district: Text | None = Field(None, description="District as the plan names it (before 2025).")
    focus: Text | None = Field(None, description="What the model does.")


class Reporting(Model):
    """A reporting duty."""

    text: Text = Field(description="The duty as written.")
    by: ListOf(Slug) = Field(default_factory=list, description="Agency ids that must report.")
    to: ListOf(Slug) = Field(default_factory=list, description="Agency ids that receive it.")
    deadline: Deadline | None = Field(None, description="When.")


class Correction(Model):
    """A recognition or typing error in the source text that this file corrects."""

    original: Text = Field(description="The text as it stands in the source.")
    corrected: Text = Field(description="What it should say.")
    line: int | None = Field(None, description="Line in the source file.")
    note: Text | None = Field(None, description="Why.")


class Period(Model):
    """The years a plan covers."""

    as_written: Text | None = Field(None, description="The plan's own words.")
    start_year: int | None = Field(None, description="First year.")
    end_year: int | None = Field(None, description="Last year; empty when open-ended.")


class Plan(Model):
    """One official plan. The file name (without .yml) is its id."""

    title: Text = Field(description="Title as in the document, corrected.")
    title_en: Text | None = Field(None, description="English title.")
    summary: dict[str, Text] = Field(default_factory=dict, description="Plain summary per language.")
    issuer: Slug = Field(description="Agency id of the issuing body.")
    number: Text | None = Field(None, description="Number, e.g. '126/KH-UBND'; null when the text lacks it.")
    date: dt.date | None = Field(None, description="Date of issue; null when the text lacks it.")
    date_as_written: Text | None = Field(None, description="The date as the text writes it.")
    place: Text | None = Field(None, description="Place of issue as written, e.g. 'Hà Nội'.")
    signed_by: Text | None = Field(None, description="Signatory as written.")
    period: Period = Field(description="Years covered.")
    source_file: ProjectPath = Field(description="The source text this was encoded from.")
    legal_basis: list[Text] = Field(default_factory=list, description="Ids or numbers of documents in content/legal/.")
    purposes: list[Text] = Field(default_factory=list, description="Mục đích.")
    requirements: list[Text] = Field(default_factory=list, description="Yêu cầu.")
    funding: Text | None = Field(None, description="Kinh phí.")
    reporting: list[Reporting] = Field(default_factory=list, description="Reporting duties.")
    sections: list[Section] = Field(default_factory=list, description="Headings that group tasks.")
    tasks: list[Task] = Field(default_factory=list, description="Every task, in document order.")
    targets: list[Target] = Field(default_factory=list, description="Quantified targets.")
    pilot_models: list[PilotModel] = Field(default_factory=list, description="Pilot models.")
    corrections: list[Correction] = Field(default_factory=list, description="Errors corrected.")
    topics: list[Slug] = Field(default_factory=list, description="Topic ids.")
    note: Text | None = Field(None, description="Editor's note.")
