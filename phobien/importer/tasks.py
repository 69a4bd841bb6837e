"""From the document's structure to the plan's tasks, sections, purposes, targets and reporting duties.

Every paragraph that becomes part of the plan is marked used; what is left is reported as unparsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import phobien.importer.assign as assign
import phobien.importer.facts as facts
import phobien.importer.when as when
from phobien.core.text import fold
from phobien.importer.assign import LEAD, PARTNER, Assigned, Roles, Statement
from phobien.importer.layout import is_part
from phobien.importer.mentions import Directory
from phobien.importer.outline import Node, meta_field
from phobien.importer.tables import Row
from phobien.importer.textlines import Para


@dataclass
class Unknown:
    """A name that looks like a body but matches no agency."""

    line: int
    name: str
    where: str


@dataclass
class Collected:
    """Everything the plan gets from the body and the appendix."""

    sections: list[dict[str, str]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    purposes: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    targets: list[dict[str, Any]] = field(default_factory=list)
    reporting: list[dict[str, Any]] = field(default_factory=list)
    funding: str | None = None
    unknown: list[Unknown] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    loose: list[str] = field(default_factory=list)
    """Paragraphs right under a section title: kept in the plan's note, not tasks."""


def part_kind(title: str) -> str:
    """'purposes', 'funding', 'organisation' or 'tasks' for the title of a Roman-numbered part."""
    f = fold(title)
    if f.startswith("kinh phi") or re.fullmatch(r"\W*kinh phi.{0,30}", f):
        return "funding"
    if re.search(r"\bto chuc thuc hien\b", f):
        return "organisation"
    if re.search(r"\bmuc (?:dich|tieu)\b", f) or f.startswith("yeu cau"):
        return "purposes"
    return "tasks"


def _use(node: Node) -> None:
    for p in node.paras + node.body + node.assignments:
        p.used = True
    for _, _, p in node.meta:
        p.used = True


def _texts(node: Node) -> str:
    return "\n".join([node.text, *(p.text for p in node.body)]).strip()


_TERMINAL = re.compile(r"[.;!?]$")
_TO = re.compile(r"(?:về|gửi|cho|lên|tới|qua)\s+(?:\S+\s+){0,2}$")
_WHEN = re.compile(
    r"định kỳ[^,;.()]*|[Hh][ằà]ng (?:năm|quý|tháng)|trước ngày \d{1,2}/\d{1,2}(?:/\d{4})?|\b\d{1,2}/\d{1,2}/\d{4}\b"
)


class TaskBuilder:
    """Walks the outline and the appendix rows, collecting tasks with their agencies."""

    def __init__(self, directory: Directory, year: int | None) -> None:
        self.directory = directory
        self.year = year
        self.out = Collected()
        self._section_ids: set[str] = set()

    # --- parts -----------------------------------------------------------------------------

    def body(self, root: Node) -> None:
        for part in root.children:
            if not (part.paras and is_part(part.paras[0])):
                self._visit(part, root, [], [])
                continue
            kind = part_kind(part.text)
            _use(part)
            if kind == "purposes":
                self._purposes(part)
            elif kind == "funding":
                self.out.funding = self._all_text(part)
            else:
                self._section(part.id, part.text)
                start = len(self.out.tasks)
                for child in part.children:
                    self._visit(child, part, [], [])
                if part.body and not part.children:
                    # Text right under a section title assigns no numbered task (a closing paragraph).
                    self.out.loose.extend(f"{part.id}: {p.text}" for p in part.body)
                if kind == "organisation":
                    self._organisation(self.out.tasks[start:])

    def _all_text(self, node: Node) -> str:
        out = []
        for n in node.walk():
            _use(n)
            out.append(n.text if n is not node else "")
            out.extend(p.text for p in n.body)
        return " ".join(t for t in out if t).strip()

    def _purposes(self, part: Node) -> None:
        grouped = any(c.children or c.body for c in part.children)
        groups = part.children if grouped else [part]
        for child in groups:
            f = fold(child.text)
            target = self.out.requirements if ("yeu cau" in f and "muc" not in f) else self.out.purposes
            items: list[str] = []
            for n in child.walk()[1:]:
                _use(n)
                items.append(_texts(n) if not n.children else n.text)
            items.extend(p.text for p in child.body)
            _use(child)
            for text in items:
                found = facts.targets(text, self.year) if "chi tieu" in f else []
                if found:
                    self.out.targets.extend(found)
                else:
                    target.append(text)

    def _organisation(self, tasks: list[dict[str, Any]]) -> None:
        for task in tasks:
            if fold(task["text"]).startswith("kinh phi"):
                self.out.funding = self.out.funding or task["text"]
                if not task["lead"] and not task["partners"]:
                    self.out.tasks.remove(task)  # funding that names no one is not a task (it is 'funding')
                    continue
            for sentence in re.split(r"(?<=[.;])\s+", task["text"]):
                if "bao cao" not in fold(sentence):
                    continue
                cut = fold(sentence).index("bao cao")
                to = [
                    m.agency
                    for m in self.directory.find(sentence)
                    if m.start > cut and m.agency and _TO.search(sentence[max(0, m.start - 25) : m.start])
                ]
                by = [a["agency"] for a in task.get("lead", [])]
                if not (by or to):
                    continue
                duty: dict[str, Any] = {"text": sentence.strip(), "by": by, "to": list(dict.fromkeys(to))}
                phrases = _WHEN.findall(sentence)
                when = facts.deadline(", ".join(phrases), self.year) if phrases else None
                if when and when["kind"] != "unspecified":
                    duty["deadline"] = when
                self.out.reporting.append(duty)

    # --- outline ---------------------------------------------------------------------------

    def _section(self, sid: str, title: str) -> None:
        if sid and sid not in self._section_ids:
            self._section_ids.add(sid)
            self.out.sections.append({"id": sid, "title": title.strip().rstrip(":").strip() or sid})

    def _heading_agencies(self, text: str) -> tuple[list[Assigned], str | None]:
        """Bodies a heading consists of ("1. Công an Thành phố", "6. Đề nghị ...:"), and text after ':'."""
        head, colon, inline = text.partition(":")
        if re.match(r"[Cc]ác\s+\w+$", head.strip()):
            head, colon, inline = text, "", ""
        found = self.directory.find(head)
        if not found:
            return [], None
        rest = head
        for m in sorted(found, reverse=True):
            rest = rest[: m.start] + rest[m.end :]
        rest = re.sub(r"(?i)\b(?:kính\s+)?đề\s+nghị\b|\bcác\s+sở\b|\bvà\b|\([A-ZĐ0-9\-]{2,12}\)|[,;&\s.]", "", rest)
        if len(rest) > 3:
            return [], None
        requested = bool(re.match(r"(?i)\s*(?:kính\s+)?đề nghị", head))
        leads = [Assigned(m.agency, m.as_written, LEAD, requested) for m in found if m.agency]
        return leads, inline.strip() or None if colon else None

    def _parenthetical(self, text: str) -> list[Assigned]:
        """Leads a heading names in brackets: "(các sở, ban, ngành có liên quan thực hiện ...)"."""
        m = re.search(r"\(([^()]*)\)\s*[.:]?$", text)
        if not m or not re.search(r"\b(?:thuc hien|chu tri)\b", fold(m.group(1))):
            return []
        inside = m.group(1)
        return [a for a in assign.assigned(inside, self.directory.find(inside), LEAD) if a.role == LEAD]

    def _statements(self, node: Node) -> list[Statement]:
        found: list[Statement] = []
        holders = [node] + [c for c in node.children if c.is_assignment_heading]
        for holder in holders:
            for para in holder.assignments:
                para.used = True
                found.extend(assign.statements(para.text, self.directory))
            if holder is not node:
                _use(holder)
        return found

    def _visit(self, node: Node, section: Node, inherited: list[Assigned], statements: list[Statement]) -> None:
        if node.is_assignment_heading:
            _use(node)
            return
        _use(node)
        statements = statements + self._statements(node)
        heading, inline = self._heading_agencies(node.text)
        if not heading and len(node.text) < 80 and not _TERMINAL.search(node.text):
            for name in self.directory.unknown(node.text.partition(":")[0], self.directory.find(node.text)):
                self.out.unknown.append(Unknown(node.line, name, f"heading {node.id}"))
        children = [c for c in node.children if not c.is_assignment_heading]
        here = heading or self._parenthetical(node.text) or inherited
        if children:
            self._section(node.id, node.text.partition(":")[0] if heading else node.text)
            if node.text.rstrip().endswith(":") and not heading and node.kind not in ("roman", "upper"):
                self._leaf(node, section, here, statements, children_follow=True)
            for child in children:
                self._visit(child, node, here, statements)
            if node.body:
                self._leaf(node, node, here, statements, only_body=True)
            return
        self._leaf(node, section, here, statements, inline=inline, heading=bool(heading))

    def _leaf(
        self,
        node: Node,
        section: Node,
        inherited: list[Assigned],
        statements: list[Statement],
        inline: str | None = None,
        heading: bool = False,
        children_follow: bool = False,
        only_body: bool = False,
    ) -> None:
        own = node.text
        paras = [] if children_follow else list(node.body)
        if (heading and inline is None) or only_body or (paras and _is_heading(own)):
            if not heading and not only_body:
                self._section(node.id, own)
                section = node
            own = ""
        elif heading and inline is not None:
            own = inline
        # A paragraph that starts with its own subject ("Giao Phòng ... theo dõi") is a task of its own.
        groups: list[tuple[str, list[Para]]] = [(own, [])]
        for para in paras:
            if (groups[0][0] or groups[0][1] or groups[-1][1]) and self._starts_with_body(para.text):
                groups.append(("", [para]))
            else:
                groups[-1][1].append(para)
        if not any(text or extra for text, extra in groups):
            self._section(node.id, node.text)  # a heading with nothing under it stays visible
            return
        for n, (text, extra) in enumerate(groups):
            full = "\n".join([t for t in [text, *(p.text for p in extra)] if t]).strip()
            if not full:
                continue
            tid = node.id if n == 0 else f"{node.id}.p{n + 1}"
            lines = (node.paras[0].lines if n == 0 and node.paras else []) + [x for p in extra for x in p.lines]
            meta = node.meta if n == 0 else []
            self._add_task(tid, section.id, full, node, inherited if n == 0 else [], statements, meta, lines)

    def _starts_with_body(self, text: str) -> bool:
        if not re.match(r"(?i)(?:giao|đề nghị|kính đề nghị)\b|[A-ZĐÂĂÊÔƠƯ]", text):
            return False
        found = self.directory.find(text)
        group, _ = assign.leading(text, found, label=False, intro=False)
        return bool(group)

    def _add_task(
        self,
        tid: str,
        section: str,
        text: str,
        node: Node,
        inherited: list[Assigned],
        statements: list[Statement],
        meta: list[tuple[str, str, Para]],
        lines: list[int],
    ) -> None:
        roles = Roles()
        task: dict[str, Any] = {"id": tid, "section": section or None, "text": text}
        for key, value, para in meta:
            kind = meta_field(key)
            if kind in ("lead", "partners"):
                self._cell(roles, value, LEAD if kind == "lead" else PARTNER, para.line, tid)
            elif kind == "deadline":
                task["deadline"] = facts.deadline(value, self.year)
                task["_due"] = when.due(value, self.year)
            else:
                task["output"] = value.strip() or None
        found = self.directory.find(text)
        if not roles.lead and statements:
            label = f"({node.label})" if node.kind == "paren" else node.label
            specific, general = assign.from_statements(statements, label)
            roles.add(specific)
            roles.add(general, only_new=True)
        first = assign.with_first(text, found) if inherited and not roles.lead else []
        if first:
            roles.add(first)
            roles.add([Assigned(a.agency, a.as_written, PARTNER, a.requested) for a in inherited])
        if not roles.lead:
            roles.add(assign.subjects(text, found))
        if not roles.lead:
            roles.add(inherited)
        # "Chỉ đạo X … thực hiện": X leads too, unless X is a group the plan does not know ("các cơ quan, tổ chức").
        directed = [a for a in assign.directed(text, found) if not self._unknown_group(a)]
        roles.add(directed, only_new=True)
        roles.add([a for a in assign.assigned(text, found, None) if a.role == PARTNER], only_new=True)
        if "_due" not in task:
            task["_due"] = when.find(text, self.year)
            schema = facts.deadline(task["_due"]["as_written"], self.year) if task["_due"] else None
            if schema and schema["kind"] != "unspecified":
                task["deadline"] = schema
        self._finish(task, roles, lines)

    def _unknown_group(self, a: Assigned) -> bool:
        return self.directory.is_proposed(a.agency) and a.as_written[:3].lower() == "các"

    def _cell(self, roles: Roles, value: str, default: str, line: int, tid: str) -> None:
        found = self.directory.find(value)
        roles.add(assign.assigned(value, found, default))
        roles.requests.extend(assign.requests(value))
        for name in self.directory.unknown(value, found):
            self.out.unknown.append(Unknown(line, name, f"task {tid}, {'lead' if default == LEAD else 'partners'}"))

    def _finish(self, task: dict[str, Any], roles: Roles, lines: list[int]) -> None:
        def as_dict(a: Assigned) -> dict[str, Any]:
            out: dict[str, Any] = {"agency": a.agency, "as_written": a.as_written}
            if a.requested:
                out["requested"] = True
            return out

        task["lead"] = [as_dict(a) for a in roles.lead]
        task["partners"] = [as_dict(a) for a in roles.partners]
        if any(a.requested for a in roles.lead + roles.partners):
            wording = list(dict.fromkeys(roles.requests)) or assign.requests(task["text"])
            if wording:
                task["request"] = " ".join(w if w.endswith(".") else f"{w}." for w in wording)
        task["_lines"] = lines
        reported = {u.name for u in self.out.unknown if u.where.startswith(f"task {task['id']},")}
        for role, items in (("lead", roles.lead), ("partners", roles.partners)):
            for a in items:
                if self.directory.is_proposed(a.agency) and a.as_written not in reported:
                    where = f"task {task['id']}, {role}"
                    self.out.unknown.append(Unknown(lines[0] if lines else 0, a.as_written, where))
        self.out.tasks.append(task)

    # --- appendix table ------------------------------------------------------------------

    def rows(self, rows: list[Row]) -> None:
        for row in rows:
            if row.heading:
                self._section(row.id, row.cells.get("task", "") or row.id)
                continue
            if row.section:
                parent = next((r for r in rows if r.id == row.section), None)
                self._section(row.section, parent.cells.get("task", "") if parent else row.section)
            roles = Roles()
            tid = row.id
            self._cell(roles, row.lists.get("lead", ""), LEAD, row.lines[0], tid)
            self._cell(roles, row.lists.get("partners", ""), PARTNER, row.lines[0], tid)
            task: dict[str, Any] = {"id": tid, "section": row.section, "text": row.cells.get("task", "")}
            if row.cells.get("output"):
                task["output"] = row.cells["output"]
            if row.cells.get("deadline"):
                task["deadline"] = facts.deadline(row.cells["deadline"], self.year)
                task["_due"] = when.due(row.cells["deadline"], self.year)
            if task["text"]:
                self._finish(task, roles, row.lines)


def _is_heading(text: str) -> bool:
    """A short title rather than a duty: "3. Công tác phối hợp ... thành viên:"."""
    return len(text) < 100 and (text.endswith(":") or not _TERMINAL.search(text))
