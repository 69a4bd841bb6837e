"""Resolve the way a plan names a body ("Đề nghị Tòa án nhân dân Thành phố") to an agency id.

Plans name bodies relative to their province ("Công an tỉnh", "Sở Tư pháp"), abbreviate them
("TANDTP") and wrap them in request wording ("Đề nghị ... phối hợp"). Matching folds tone
marks, đ and case, strips that wording, and prefers the plan's own province.
"""

from __future__ import annotations

import re

from phobien.core.text import fold
from phobien.model.agency import Agency

_PREFIX = re.compile(r"^(?:-\s*)?(?:de nghi|kinh de nghi)\s+")
_SUFFIX = re.compile(
    r"\s+(?:chu tri|phoi hop|thuc hien|tham gia)(?:\s+thuc hien)?(?:\s+theo (?:tham quyen|chuc nang.*))?$"
)


def normalise(name: str) -> tuple[str, bool]:
    """Folded name without request wording; and whether it was a request ("Đề nghị")."""
    text = re.sub(r"\s+", " ", fold(name)).strip(" .;,-")
    requested = bool(_PREFIX.match(text))
    text = _PREFIX.sub("", text)
    text = _SUFFIX.sub("", text).strip(" .;,")
    return text, requested


class AgencyIndex:
    """All names and aliases of all agencies, for lookups by a plan's wording."""

    def __init__(self, agencies: list[Agency]) -> None:
        self.by_name: dict[str, list[Agency]] = {}
        for agency in agencies:
            for name in (agency.name, agency.short_name, *agency.aliases):
                if name:
                    self.by_name.setdefault(normalise(name)[0], []).append(agency)

    def resolve(self, name: str, province: str | None = None) -> tuple[Agency | None, bool]:
        """The agency a plan of ``province`` means by ``name`` (None if unknown), and if requested."""
        key, requested = normalise(name)
        candidates = self.by_name.get(key, [])
        if not candidates:
            return None, requested
        local = [a for a in candidates if a.province == province]
        central = [a for a in candidates if a.level == "central"]
        best = local or central or (candidates if len({a.id for a in candidates}) == 1 else [])
        return (best[0] if best else None), requested
