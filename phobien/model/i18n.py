"""content/i18n/<code>.yml: interface strings of phobien's own templates, per language."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from phobien.model.common import Model, Text

# Every key phobien's templates use. The default language's file must have all of them.
UI_KEYS: tuple[str, ...] = (
    "home",
    "quick_exit",
    "quick_exit_hint",
    "hotline_bar_label",
    "language_label",
    "skip_to_help",
    "safety_page",
    "help_now",
    "i_am",
    "materials",
    "materials_intro",
    "hotlines",
    "hotlines_intro",
    "all_hotlines",
    "who_to_call",
    "free_call",
    "paid_call",
    "hours",
    "cost",
    "verified_on",
    "hotline_stale",
    "sources",
    "not_reviewed_notice",
    "reviewed_by",
    "fallback_notice",
    "machine_translation_notice",
    "unreviewed_translation_notice",
    "outdated_translation_notice",
    "no_materials_yet",
    "plan_tasks_for_officials",
    "tasks_count",
    "plans",
    "plans_intro",
    "legal",
    "legal_intro",
    "agencies",
    "agencies_intro",
    "issuer",
    "number",
    "date",
    "not_in_text",
    "period",
    "plan_running",
    "plan_ended",
    "plan_not_started",
    "plan_open_ended",
    "legal_basis",
    "plan_text_is_vietnamese",
    "targets",
    "tasks",
    "lead",
    "partners",
    "requested",
    "output",
    "deadline",
    "corrections",
    "corrections_note",
    "short_name",
    "also_written",
    "level",
    "level_central",
    "level_province",
    "level_district",
    "level_commune",
    "existed_until",
    "succeeded_by",
    "unknown",
    "note",
    "agency_no_longer_exists",
    "as_lead",
    "as_partner",
    "title",
    "signed",
    "effective",
    "status",
    "status_in_force",
    "status_superseded",
    "status_expired",
    "status_not_yet_in_force",
    "status_unknown",
    "official_text",
    "cited_by",
    "deadlines",
    "deadlines_intro",
    "deadlines_dated",
    "deadlines_yearly",
    "deadlines_decision",
    "deadlines_other",
    "deadline_past",
    "no_deadline",
    "open_data",
    "search",
    "search_label",
    "search_needs_js",
    "search_no_results",
    "search_results",
    "search_loading",
    "search_missing",
    "news",
    "news_intro",
    "news_feed",
    "news_none",
    "news_pages",
    "news_newer",
    "news_older",
    "pager_label",
    "pager_previous",
    "pager_next",
    "pager_page",
    "pager_continued",
    "news_by_topic",
    "news_draft",
    "news_scheduled",
    "share",
    "share_short_link",
    "share_qr",
    "for_schools",
    "for_schools_intro",
    "leaflet",
    "poster",
    "posters",
    "ui_machine_notice",
    "menu",
    "nav_label",
    "nav_audiences",
    "nav_safety",
    "only_in",
    "plan_parts",
    "plan_by_agency",
    "plan_unfold_hint",
    "search_in_language",
    "agency_closed",
    "agency_closed_on",
    "agency_closed_by",
    "agency_closed_undated",
    "now_handled_by",
    "plan_changes_title",
    "plan_change_ended",
    "plan_change_province",
    "plan_change_closed_other",
    "plan_change_bodies",
    "plan_change_law_replaced",
    "plan_change_law_ended",
    "plan_change_law_amended",
    "plan_note",
    "preview_notice",
    "review_checked_by",
    "review_by_editors",
    "review_next",
    "hotline_stale_explained",
)


PLACEHOLDERS = frozenset(
    {"by", "date", "default", "due", "language", "law", "n", "name", "reviewer", "total", "words", "year"}
)
"""The names phobien's templates fill into interface strings (``{date}``); nothing else, no
attribute or index access (``{date.__class__}`` would show interpreter internals)."""


_FIELD = re.compile(r"(?<!\{)\{([A-Za-z0-9_][^{}]*)\}(?!\})")


def _placeholders(text: str) -> str:
    bad = [f for f in _FIELD.findall(text) if f not in PLACEHOLDERS]
    if bad:
        known = ", ".join(f"{{{p}}}" for p in sorted(PLACEHOLDERS))
        raise ValueError(f"'{{{bad[0]}}}' is not a placeholder phobien fills in; use only {known} as in the vi strings")
    return text


UIText = Annotated[Text, AfterValidator(_placeholders)]


class UIStringsMeta(Model):
    """Who wrote the strings of this language and whether someone reviewed them."""

    by: Literal["human", "machine"] = Field(description="Who translated the strings.")
    reviewed_by: Text | None = Field(None, description="Named reviewer, if any.")
    reviewed_on: dt.date | None = Field(None, description="Date of the review.")


class UIStrings(Model):
    """The file content/i18n/<code>.yml."""

    meta: UIStringsMeta = Field(description="Provenance of these strings.")
    strings: dict[str, UIText] = Field(description="Interface string per key, e.g. quick_exit: Thoát nhanh.")


PROGRESS_KEYS: tuple[str, ...] = (
    "progress",
    "progress_of",
    "progress_done",
    "progress_in_progress",
    "progress_late",
    "progress_not_started",
    "progress_not_reported",
    "progress_dropped",
    "progress_late_note",
    "progress_no_reports",
    "progress_by_part",
    "progress_late_tasks",
    "progress_due_next",
    "progress_none_late",
    "progress_days_late",
    "progress_figures",
    "progress_example_notice",
    "agency_progress",
    "example",
    "reports",
    "report",
    "report_plan",
    "report_reported_by",
    "report_date",
    "report_period",
    "report_period_year",
    "report_period_quarter",
    "report_summary",
    "report_what_done",
    "report_evidence",
    "report_agency",
    "report_pdf",
    "report_example_notice",
    "reported_on",
    "late_overview",
    "late_overview_intro",
    "late_central",
    "no_lead",
)
"""The strings of plan progress and reports (kept apart so that their list merges easily)."""

UI_KEYS = UI_KEYS + PROGRESS_KEYS
