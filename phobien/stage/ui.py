"""phobien's own interface strings, with fallback to the default language."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for annotations: phobien.load (its checks) reads KEYS from here
    from phobien.load import Content

# Every key phobien's templates use. The default language's file must have all of them.
KEYS: tuple[str, ...] = (
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
)


class UI:
    """Strings for one language: key → text, falling back to the default language, then the key."""

    def __init__(self, content: Content, lang: str) -> None:
        site = content.site
        default = site.default_language if site else lang
        self.lang = lang
        self.machine = False
        chain = [lang] if lang == default else [lang, default]
        self._chain = [content.ui[c].strings for c in chain if c in content.ui]
        if lang in content.ui:
            meta = content.ui[lang].meta
            self.machine = meta.by == "machine" and meta.reviewed_by is None

    def __call__(self, key: str, **values: object) -> str:
        for strings in self._chain:
            if key in strings:
                text = strings[key]
                return text.format(**values) if values else text
        return key

    def has(self, key: str) -> bool:
        return any(key in s for s in self._chain[:1])
