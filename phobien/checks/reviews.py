"""Review dates of materials: the next review is due ``review_max_age_days`` (site.yml) after the
last one; a review that is overdue, or a material without a review date, is a warning."""

from __future__ import annotations

from phobien.core import clock
from phobien.core.diagnostics import Diagnostics
from phobien.load.lookup import References
from phobien.load.salvage import invalid_fields
from phobien.load.tree import Content


def check_reviews(content: Content, refs: References, diags: Diagnostics) -> None:
    if "site" in content.broken:
        return
    max_age = content.site.review_max_age_days
    today = clock.today()
    for page in content.materials:
        review = getattr(page.meta, "review", None)
        if review is None or "review" in invalid_fields(page.meta) or "reviewed_on" in invalid_fields(review):
            continue  # its own error says why
        if review.reviewed_on is None:
            diags.warning(
                page.pos("review"),
                "the page has no review date, so readers cannot see how current it is; add 'reviewed_on: "
                "YYYY-MM-DD' under 'review:' (the day its sources and the law were last checked)",
            )
            continue
        age = (today - review.reviewed_on).days
        if age > max_age:
            diags.warning(
                page.pos("review", "reviewed_on"),
                f"the review of this page is overdue: last reviewed on {review.reviewed_on:%d/%m/%Y}, {age} days "
                f"ago (limit: {max_age} days, review_max_age_days in site.yml); check its sources and the law "
                "again, then update reviewed_on",
            )
