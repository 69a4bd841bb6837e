"""Proposed content/agencies.yml entries for the bodies a plan names that are not there yet.

Each name gets an id made from the plan's province and the name, so the draft can point at it
at once; ``phobien import … --agencies-out FILE`` writes the entries (name, kind, level,
province from the issuer) for the editor to check and merge into content/agencies.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from phobien.core.text import fold, slugify
from phobien.model.agency import Agency

_GROUP = re.compile(r"^(?:cac\b|.*\bcac\b)")
_COMMUNE = re.compile(r"\b(?:xa|phuong|thi tran|dac khu|cap xa)\b")
_DISTRICT = re.compile(r"\b(?:huyen|thi xa|quan|cap huyen)\b")
_CENTRAL = re.compile(
    r"^(?:bo (?!doi|chi huy)|chinh phu|quoc hoi|toa an nhan dan toi cao|vien kiem sat nhan dan toi cao)"
)


@dataclass
class Proposals:
    """Unknown bodies by proposed id, in the order first met."""

    province: str | None
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)

    def id_for(self, name: str, line: int | None = None) -> str:
        """The proposed id of ``name`` (the same for every spelling that folds alike)."""
        key = re.sub(r"\s+", " ", fold(name)).strip(" .,;:")
        if key in self.by_name:
            return self.by_name[key]
        entry = propose(name, self.province)
        base, n = entry["id"], 2
        while entry["id"] in self.entries:
            entry["id"] = f"{base}-{n}"
            n += 1
        if line:
            entry["note"] = f"Proposed by phobien import: named on line {line} of the plan; check before merging."
        self.entries[entry["id"]] = entry
        self.by_name[key] = entry["id"]
        return entry["id"]

    def keep(self, ids: set[str]) -> None:
        """Keep only the entries the plan uses (names met in passing, "trên Báo Kon Tum", are not proposed)."""
        self.entries = {k: v for k, v in self.entries.items() if k in ids}

    def render(self, source: str) -> str:
        """The entries as a YAML file in the shape of content/agencies.yml."""
        top = (
            f"# Agencies named in {source} that content/agencies.yml does not have yet, proposed by phobien import.\n"
            "# Check each name, kind, level and province; merge the right ones into content/agencies.yml,\n"
            "# or change the plan to the id of an agency that is already there.\n"
        )
        body = yaml.safe_dump({"agencies": list(self.entries.values())}, allow_unicode=True, sort_keys=False, width=110)
        return top + body


def propose(name: str, province: str | None) -> dict[str, Any]:
    """An agencies.yml entry (as a dict, valid for the Agency model) for a body named ``name``."""
    text = re.sub(r"\s+", " ", name).strip(" .,;:")
    folded = fold(text)
    level = "province"
    if _CENTRAL.match(folded):
        level = "central"
    elif _COMMUNE.search(folded):
        level = "commune"
    elif _DISTRICT.search(folded):
        level = "district"
    kind = "group" if _GROUP.match(folded) else "body"
    entry: dict[str, Any] = {
        "id": slugify(f"{province or ''} {text}")[:80].strip("-") or "agency",
        "name": text[:1].upper() + text[1:],
        "level": level,
        "kind": kind,
    }
    if province and level != "central":
        entry["province"] = province
    Agency.model_validate(entry)
    return entry
