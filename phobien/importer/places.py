"""The provinces of content/provinces.yml, found by any of their names ("TỈNH QUẢNG NINH", "TP.HCM").

Names are compared folded (tone marks, đ and case ignored) and without the words that say what
kind of unit it is ("tỉnh", "thành phố", "TP."). A province merged away in 2025 leads to its
successor through ``merged_into``.
"""

from __future__ import annotations

import re

from phobien.core.text import fold
from phobien.model.province import Province

_KIND = re.compile(r"^(?:tinh|thanh pho|tp\.?|thu do)\s+")


def key(name: str) -> str:
    """The folded name without its kind word: "Tỉnh Quảng Ninh" → "quang ninh"."""
    text = re.sub(r"[\s\-–]+", " ", fold(name)).strip(" .,;:")
    return _KIND.sub("", text).strip()


class Gazetteer:
    """Every province, by every way of writing its name."""

    def __init__(self, provinces: list[Province]) -> None:
        self.by_id = {p.id: p for p in provinces}
        self.by_key: dict[str, Province] = {}
        for p in provinces:
            for name in (p.name, *p.aliases):
                self.by_key.setdefault(key(name), p)
        names = sorted((k for k in self.by_key if k), key=len, reverse=True)
        body = "|".join(re.escape(n) for n in names) or "(?!)"
        self._pattern = re.compile(rf"(?<!\w)(?:tinh|thanh pho|tp\.?)\s+({body})(?!\w)")

    def find(self, name: str | None) -> Province | None:
        """The province ``name`` means, or None."""
        return self.by_key.get(key(name)) if name else None

    def named_in(self, text: str) -> Province | None:
        """The first province a text names with its kind word ("… TỈNH QUẢNG NINH", "UBND tỉnh Gia Lai")."""
        m = self._pattern.search(re.sub(r"[\s\-–]+", " ", fold(text)))
        return self.by_key.get(m.group(1)) if m else None

    def successors(self, province: Province | None) -> list[Province]:
        """The provinces that took over from a unit merged away (empty when it still exists)."""
        out: list[Province] = []
        seen: set[str] = set()
        while province is not None and province.merged_into and province.merged_into not in seen:
            seen.add(province.merged_into)
            province = self.by_id.get(province.merged_into)
            if province is not None:
                out.append(province)
        return out
