"""Audiences, hotlines and agencies: what they refer to, and hotlines that are not checked recently."""

from __future__ import annotations

from phobien.core import clock
from phobien.core.diagnostics import Diagnostics
from phobien.engine import icon_svg
from phobien.load.lookup import References
from phobien.load.tree import Content


def check_audiences(content: Content, refs: References, diags: Diagnostics) -> None:
    for audience in content.audiences:
        for i, hid in enumerate(audience.hotlines):
            refs.hotlines.check(diags, content.pos(audience, "hotlines", i), hid)
        if audience.icon and icon_svg(audience.icon) is None:
            diags.error(
                content.pos(audience, "icon"),
                f"unknown icon '{audience.icon}'; use a name of a bundled icon set, e.g. 'material/school'",
            )


def check_hotlines(content: Content, refs: References, diags: Diagnostics) -> None:
    max_age = content.site.hotline_max_age_days
    today = clock.today()
    for hotline in content.hotlines:
        age = (today - hotline.verified_on).days if hotline.verified_on else 0
        if age > max_age:
            diags.warning(
                content.pos(hotline, "verified_on"),
                f"hotline {hotline.number} was last verified on {hotline.verified_on:%d/%m/%Y}, {age} days ago "
                f"(limit: {max_age} days, hotline_max_age_days in site.yml); call it or check its source, then "
                "update verified_on",
            )
        for i, aid in enumerate(hotline.audiences):
            refs.audiences.check(diags, content.pos(hotline, "audiences", i), aid)
        if hotline.operator:
            refs.agencies.check(diags, content.pos(hotline, "operator"), hotline.operator)


def check_agencies(content: Content, refs: References, diags: Diagnostics) -> None:
    for agency in content.agencies:
        if agency.parent:
            refs.agencies.check(diags, content.pos(agency, "parent"), agency.parent)
        for i, sid in enumerate(agency.succeeded_by):
            refs.agencies.check(diags, content.pos(agency, "succeeded_by", i), sid, extra=["unknown"])
