"""content/site.yml and the interface strings of content/i18n/."""

from __future__ import annotations

from phobien.core.diagnostics import Diagnostics, Position
from phobien.load.lookup import References
from phobien.load.tree import Content
from phobien.load.validate import did_you_mean
from phobien.model.i18n import UI_KEYS
from phobien.model.urls import reserved_host


def check_site(content: Content, refs: References, diags: Diagnostics) -> None:
    if "site" in content.broken:
        return
    site = content.site
    refs.agencies.check(diags, content.pos(site, "owner_agency"), site.owner_agency)
    slugs = {p.slug for p in content.docs if p.lang == site.default_language}
    if content.docs and site.safety_page not in slugs:
        diags.error(
            content.pos(site, "safety_page"),
            f"there is no page docs/{site.safety_page}.{site.default_language}.md on browsing "
            "safely; write it or name the right page",
        )


def check_ui_strings(content: Content, refs: References, diags: Diagnostics) -> None:
    """The default language has every interface string; other files have no unknown ones."""
    if "site" in content.broken:
        return
    default = content.site.default_language
    rel = f"content/i18n/{default}.yml"
    if "i18n/" + default in content.broken:
        return
    if default not in content.ui:
        diags.error(
            Position(rel),
            "missing interface strings of the default language; copy this file from the phobien starter content",
        )
        return
    have = content.ui[default]
    missing = [k for k in UI_KEYS if k not in have.strings]
    if missing:
        diags.error(
            content.pos(have, "strings"), f"missing interface string(s) {', '.join(missing)}; add them under 'strings:'"
        )
    for code, ui in content.ui.items():
        if code not in content.site.codes:
            diags.warning(content.pos(ui), f"'{code}' is not one of the site's languages; the file is not used")
        for key in ui.strings:
            if key not in UI_KEYS:
                diags.warning(
                    content.pos(ui, "strings", key, key=True),
                    f"unknown interface string '{key}'{did_you_mean(key, list(UI_KEYS))}",
                )


def check_publication(content: Content, diags: Diagnostics) -> None:
    """A build for publication: base_url must be where the site is published, not an example."""
    site = content.site
    if "site" in content.broken or not reserved_host(site.base_url):
        return
    diags.error(
        content.pos(site, "base_url"),
        f"base_url '{site.base_url}' is an example address: every QR code, short link and feed of the "
        "site would point there; set base_url in content/site.yml to the address where the site is "
        "published (e.g. https://pbgdpl.gov.vn/), or build a preview with 'phobien build --preview'",
    )
