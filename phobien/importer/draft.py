"""Assembling the draft plan from a source text, and writing it as YAML for `phobien check`.

Nothing is dropped silently: paragraphs that could not be placed, names of unknown bodies, cited
documents missing from content/legal/ and removed noise are all reported, with source line
numbers, and kept in a comment block at the end of the draft. The Plan schema has no field for
them on purpose: a comment cannot reach the published site, and the schema (and schemas/) stay
as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

import phobien.importer.facts as facts
import phobien.importer.layout as layout
import phobien.importer.outline as outline
import phobien.importer.tables as tables
from phobien.core.text import fold, slugify
from phobien.importer.citations import Citation, Library
from phobien.importer.mentions import Directory
from phobien.importer.places import Gazetteer
from phobien.importer.proposals import Proposals
from phobien.importer.reading import Source
from phobien.importer.tasks import Collected, TaskBuilder, Unknown
from phobien.importer.text import fold_same_length
from phobien.importer.textlines import Noise, Para, clean_lines, paragraphs
from phobien.load.lookup import legal_key
from phobien.model.agency import Agency
from phobien.model.legal import LegalDocument
from phobien.model.plan import Plan
from phobien.model.province import Province


@dataclass
class Draft:
    """A draft plan and everything an editor must look at."""

    plan: dict[str, Any]
    plan_id: str
    unparsed: list[tuple[int, str]] = field(default_factory=list)
    unknown: list[Unknown] = field(default_factory=list)
    new_legal: list[Citation] = field(default_factory=list)
    noise: list[Noise] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dropped: list[tuple[int, str]] = field(default_factory=list)
    province: str | None = None
    issuer_name: str | None = None
    """The issuing body as the header writes it ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH")."""
    details: list[dict[str, Any]] = field(default_factory=list)
    proposals: Proposals | None = None
    """Entries for content/agencies.yml proposed for the bodies it does not have."""
    """The tasks as found, one per plan task, with what the schema has no field for ('_due')."""

    def summary(self) -> str:
        names = {u.name for u in self.unknown}
        return (
            f"{len(self.plan['tasks'])} tasks, {len(names)} unknown agencies, {len(self.unparsed)} unparsed lines"
            f", {len(self.new_legal)} new legal documents"
        )


def _province(text: str, place: str | None, agencies: list[Agency]) -> str | None:
    provinces = {a.province for a in agencies if a.province}
    if place and slugify(place) in provinces:
        return slugify(place)
    folded = fold_same_length(text)
    counts = {p: len(re.findall(rf"(?<!\w){p.replace('-', ' ')}(?!\w)", folded)) for p in provinces}
    best = max(counts, key=lambda p: counts[p], default=None)
    return best if best and counts[best] else None


def _issuer(parts: layout.Layout, head: layout.Header, directory: Directory) -> str | None:
    for p in [*parts.preamble, *parts.title, *parts.header]:
        # "..., UBND tỉnh ban hành kế hoạch ...": the body named right before the last such verb.
        for m in reversed(list(re.finditer(r"\b(?:ban hành|xây dựng|BAN HÀNH)\s+(?:[Kk]ế hoạch|KẾ HOẠCH)", p.text))):
            start = max(p.text.rfind(";", 0, m.start()), p.text.rfind(". ", 0, m.start()), 0)
            found = [x for x in directory.find(p.text[start : m.start()]) if x.agency]
            if found:
                return found[-1].agency
    if head.symbol:
        for part in head.symbol.split("-")[1:]:
            for name in (part, f"{part} tỉnh", f"{part} thành phố"):
                if found := directory.resolve(name):
                    return found
    for line in head.signature:
        if re.search(r"ỦY BAN NHÂN DÂN|UBND", line):
            for name in ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân thành phố", "UBND tỉnh", "UBND thành phố"):
                if found := directory.resolve(name):
                    return found
    return None


def _title_case(name: str) -> str:
    """A name in capitals as agencies.yml writes it: "ỦY BAN NHÂN DÂN TỈNH GIA LAI" → "Ủy ban nhân dân tỉnh Gia Lai"."""
    if not name.isupper():
        return name
    place = re.search(r"\b(TỈNH|THÀNH PHỐ|HUYỆN|XÃ|PHƯỜNG)\s+(.+)$", name)
    head = name[: place.start()] if place else name
    text = head.capitalize()
    if place:
        text += f"{place.group(1).lower()} {place.group(2).title()}"
    return text.strip()


def _successor_notes(places: Gazetteer, place: Province | None, head: layout.Header) -> list[str]:
    """A note when the plan's province was merged away in 2025, naming its successor."""
    after = places.successors(place)
    if place is None or not after:
        return []
    until = place.valid_until.isoformat() if place.valid_until else "2025"
    dated = f" (the plan is dated {head.date.isoformat()})" if head.date else ""
    return [
        f"the plan was issued in {place.name}{dated}, a province that existed until {until}; "
        f"it is now part of {after[-1].name} ('{after[-1].id}' in content/provinces.yml): check which body took over"
    ]


def _title(paras: list[Para]) -> str:
    title = " ".join(p.text.strip("* ") for p in paras).strip()
    if not title:
        return ""
    if fold(title).startswith("ke hoach"):
        return title
    letters = [c for c in title if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return f"KẾ HOẠCH {title}"
    return f"Kế hoạch {title[0].lower()}{title[1:]}" if not title[:2].isupper() else f"Kế hoạch {title}"


def _similar(a: str, b: str) -> float:
    """How much ``a`` repeats ``b`` (1.0 and more: a duplicate): shared words, or ``a``'s words found in ``b``."""
    x = {w for w in re.findall(r"\w+", fold(a)) if len(w) > 1}
    y = {w for w in re.findall(r"\w+", fold(b)) if len(w) > 1}
    if not x or not y:
        return 0.0
    return max(len(x & y) / len(x | y) / 0.5, len(x & y) / len(x) / 0.8)


def _unique_ids(tasks: list[dict[str, Any]]) -> None:
    seen: dict[str, int] = {}
    for task in tasks:
        n = seen.get(task["id"], 0) + 1
        seen[task["id"]] = n
        if n > 1:
            task["id"] = f"{task['id']}~{n}"


def _issuer_id(given: str | None, parts: Any, head: Any, directory: Directory, proposals: Proposals) -> str | None:
    """The issuing body: as given, else found in the header; an unknown one gets a proposed id."""
    issuer_id = given or _issuer(parts, head, directory)
    if (not issuer_id or directory.is_proposed(issuer_id)) and head.issuer:
        issuer_id = proposals.id_for(_title_case(head.issuer))
    return issuer_id


def build_draft(
    source: Source,
    agencies: list[Agency],
    legal: dict[str, LegalDocument],
    issuer: str | None = None,
    province: str | None = None,
    source_file: str | None = None,
    provinces: list[Province] | None = None,
) -> Draft:
    """The draft plan of ``source``, with everything that needs an editor's attention."""
    lines, noise = clean_lines(source.text)
    paras = paragraphs(lines)
    parts = layout.split(paras)
    head = layout.read_header(parts)
    places, place, province = _where(source, parts, head, provinces or [], province, agencies)
    proposals = Proposals(province)
    directory = Directory(agencies, province, proposals)
    title_text = " ".join(p.text for p in parts.title + parts.preamble)
    period = facts.period(title_text) or ({"start_year": head.date.year} if head.date else {})
    year = head.date.year if head.date else period.get("start_year")
    out, rows, dropped, appendix_text = _collect(parts, directory, year)
    basis, new = _legal(paras, rows, legal, head)

    issuer_id = _issuer_id(issuer, parts, head, directory, proposals)
    successor = _successor_notes(places, place, head)
    note = _note(parts, head, appendix_text, out.loose)
    plan: dict[str, Any] = {
        "title": _title(parts.title) or "(no title found)",
        "issuer": issuer_id or "unknown",
        "number": head.number,
        "date": head.date,
        "date_as_written": head.date_as_written,
        "place": head.place,
        "signed_by": head.signed_by,
        "period": period,
        "source_file": source_file or source.path.name,
        "legal_basis": basis,
        "purposes": out.purposes,
        "requirements": out.requirements,
        "funding": out.funding,
        "reporting": out.reporting,
        "sections": _sections(out),
        "tasks": [{k: v for k, v in t.items() if not k.startswith("_")} for t in out.tasks],
        "targets": out.targets,
        "note": "\n".join([*successor, *([note] if note else [])]) or None,
    }
    plan = _prune(plan)
    unparsed = [(p.line, p.text) for p in paras if not p.used]
    notes = list(source.notes) + out.notes + successor
    if not issuer_id:
        notes.append("the issuing body was not recognised: give it with --issuer (an id in content/agencies.yml)")
    plan_id = _plan_id(province, head, plan["title"])
    draft = Draft(plan, plan_id, unparsed, out.unknown, list(new.values()), noise, notes, dropped, province)
    draft.issuer_name = head.issuer
    used = {plan["issuer"]} | {a["agency"] for t in plan["tasks"] for a in t.get("lead", []) + t.get("partners", [])}
    proposals.keep(used)
    draft.proposals = proposals
    draft.details = list(out.tasks)
    return draft


def _where(
    source: Source,
    parts: layout.Layout,
    head: layout.Header,
    provinces: list[Province],
    province: str | None,
    agencies: list[Agency],
) -> tuple[Gazetteer, Province | None, str | None]:
    """The issuer's name from the header, the plan's province (as a gazetteer entry) and its id."""
    head.issuer = layout.issuer_name(layout.header_lines(source.text))
    for p in parts.header if head.issuer else []:
        p.used = True  # the issuer, number, place and date are read from them; the rest is the national motto
    places = Gazetteer(provinces)
    place = places.find(head.place) or places.named_in(head.issuer or "")
    province = province or (place.id if place else None) or _province(source.text, head.place, agencies)
    return places, place, province


def _collect(
    parts: layout.Layout, directory: Directory, year: int | None
) -> tuple[Collected, list[tables.Row], list[tuple[int, str]], list[str]]:
    """The tasks of the body and the appendix, the appendix rows, the duplicates left out, the appendix text."""
    builder = TaskBuilder(directory, year)
    builder.body(outline.build([p for p in parts.body if p.cells is None]))
    rows = tables.parse_rows([p for p in parts.appendix + parts.body if p.cells is not None])
    body_tasks = list(builder.out.tasks)
    builder.rows(rows)
    dropped = _drop_duplicates(builder.out.tasks, body_tasks, rows)
    _unique_ids(builder.out.tasks)
    for p in [*parts.title, *parts.preamble]:
        p.used = True
    if parts.heading:
        parts.heading.used = True
    builder.body(outline.build([p for p in parts.appendix if p.cells is None and p.marker]))
    appendix_text = [p.text for p in parts.appendix if p.cells is None and not p.marker]
    for p in parts.appendix:
        if p.cells is None and not p.marker:
            p.used = True
    return builder.out, rows, dropped, appendix_text


def _legal(
    paras: list[Para], rows: list[tables.Row], legal: dict[str, LegalDocument], head: layout.Header
) -> tuple[list[str], dict[str, Citation]]:
    """Ids of the cited documents content/legal/ has, and the cited ones it lacks (by number)."""
    library = Library(legal)
    citations = [c for p in paras if p.cells is None for c in library.cite(p.text, p.line)]
    citations += [c for r in rows for c in library.cite(" ".join(r.cells.values()), r.lines[0])]
    own = legal_key(head.number) if head.number else None
    basis = list(dict.fromkeys(c.legal_id for c in citations if c.legal_id))
    new: dict[str, Citation] = {}
    for c in citations:
        if not c.legal_id and c.number and legal_key(c.number) != own:
            new.setdefault(legal_key(c.number), c)
    return basis, new


def _sections(out: Collected) -> list[dict[str, str]]:
    """The sections, with one for every section a task names that has no heading of its own."""
    sections = out.sections
    declared = {s["id"] for s in sections}
    for task in out.tasks:
        if task.get("section") and task["section"] not in declared:
            sections.append({"id": task["section"], "title": task["section"]})
            declared.add(task["section"])
    return sections


def _drop_duplicates(
    tasks: list[dict[str, Any]], body: list[dict[str, Any]], rows: list[tables.Row]
) -> list[tuple[int, str]]:
    """Body items that only repeat an appendix row (same duty, no agencies of their own)."""
    others = [{"id": r.id, "text": r.cells.get("task", "")} for r in rows]
    dropped = []
    for task in body:
        if task["lead"] or task["partners"] or not others:
            continue
        best = max(others, key=lambda r: _similar(task["text"], r["text"]))
        if _similar(task["text"], best["text"]) >= 1.0:
            tasks.remove(task)
            dropped.append(
                (task["_lines"][0] if task["_lines"] else 0, f"{task['id']} repeats appendix row {best['id']}")
            )
    return dropped


def _note(parts: layout.Layout, head: layout.Header, appendix: list[str], loose: list[str]) -> str | None:
    out = [f"Under section {text}" for text in loose]
    preamble = " ".join(p.text for p in parts.preamble).strip()
    if preamble:
        out.append(f"Preamble: {preamble}")
    if appendix:
        out.append(f"Appendix: {' '.join(appendix)}")
    if head.recipients:
        out.append(f"Nơi nhận: {'; '.join(head.recipients)}.")
    if head.signature:
        out.append(f"Signature: {' / '.join(head.signature)}{' / ' + head.signed_by if head.signed_by else ''}.")
    if head.number is None and head.symbol:
        out.append(f"The number is blank in the text ('Số: .../{head.symbol}').")
    return "\n".join(out) or None


def _prune(plan: dict[str, Any]) -> dict[str, Any]:
    """Drop empty optional values, keep the schema's key order."""
    keep = {"title", "issuer", "period", "source_file", "tasks"}
    return {k: v for k, v in plan.items() if k in keep or v not in (None, [], {}, "")}


def _plan_id(province: str | None, head: layout.Header, title: str) -> str:
    if head.number:
        year = head.date.year if head.date else ""
        return slugify(f"{province or ''} {head.number} {year}")
    words = " ".join(slugify(title).split("-")[2:10])
    return slugify(f"{province or ''} {words}")[:80].strip("-") or "draft-plan"


def validate(draft: Draft) -> list[str]:
    """Schema errors of the draft plan (empty when `phobien check` can read it)."""
    from pydantic import ValidationError

    try:
        Plan.model_validate(draft.plan)
    except ValidationError as exc:
        return [f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors()]
    return []


def _comment(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def render(draft: Draft, source_label: str) -> str:
    """The draft as YAML: a header comment, the plan, and the editor's list at the end."""
    body = yaml.safe_dump(draft.plan, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)
    top = [
        f"# Draft made by `phobien import` from {source_label} on {dt.date.today().isoformat()}.",
        f"# {draft.summary()}. Check every task against the source before publishing;",
        "# what the importer could not place is listed at the end of this file.",
    ]
    end = ["", "# " + "-" * 98, "# For the editor (comments: not part of the plan)."]
    end.append("# unparsed: text that was not placed anywhere in the plan (source line: text)")
    end += [f"#   - L{line}: {_comment(text)}" for line, text in draft.unparsed] or ["#   (none)"]
    end.append("# unknown agencies: names that match nothing in content/agencies.yml (kept, with proposed ids)")
    end += [f"#   - L{u.line}: {u.name} ({u.where})" for u in draft.unknown] or ["#   (none)"]
    entries = draft.proposals.entries if draft.proposals else {}
    end.append("# proposed agencies: ids the draft uses for them (write the entries with --agencies-out FILE)")
    end += [f"#   - {k}: {e['name']} ({e['level']}, {e['kind']})" for k, e in entries.items()] or ["#   (none)"]
    end.append("# new legal documents: cited, but not in content/legal/ (so not in legal_basis)")
    end += [f"#   - L{c.line}: {_comment(c.text)}" for c in draft.new_legal] or ["#   (none)"]
    end.append("# duplicates: body items left out because an appendix row says the same")
    end += [f"#   - L{line}: {text}" for line, text in draft.dropped] or ["#   (none)"]
    end.append("# removed as noise")
    end += [f"#   - L{n.line}: {_comment(n.text)} ({n.why})" for n in draft.noise] or ["#   (none)"]
    if draft.notes:
        end.append("# notes")
        end += [f"#   - {_comment(n)}" for n in draft.notes]
    return "\n".join(top) + "\n" + body + "\n".join(end) + "\n"
