"""The numbering structure of a plan: Roman parts, numbered items, lettered points, (1) activities,
dash and plus bullets, as a tree; per-task lines ("Cơ quan chủ trì: ...") kept apart as meta lines.

Which kind of numbering sits under which is learnt from the order they appear in, as a reader does:
a kind not seen yet opens a deeper level; a kind already open closes the levels below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from phobien.core.text import fold
from phobien.importer.textlines import Para

META = re.compile(
    r"^(?:[-+•]\s*)?(?P<key>Cơ quan chủ tr[ìi](?: thực hiện)?|Đơn vị chủ tr[ìi]|Cơ quan thực hiện|Đơn vị thực hiện"
    r"|Cơ quan phối hợp(?: thực hiện)?|Đơn vị phối hợp|Chủ trì|Phối hợp|Thời gian hoàn thành|Thời gian thực hiện"
    r"|Thời hạn hoàn thành|Thời hạn|Thời gian|Tiến độ(?: thực hiện)?|Kết quả(?: dự kiến)?|Sản phẩm(?: dự kiến)?)"
    r"\s*:\s*(?P<value>.*)$",
    re.I | re.S,
)
"""A per-task line: who leads, who takes part, when it is due, what it produces."""


_INLINE = re.compile(
    r"(?:(?<=[.;])|(?<=[.;]\s))\s*"
    r"(?=(?:(?:Cơ quan|Đơn vị) )?(?:chủ trì|phối hợp|thực hiện)\s*:|Thời (?:gian|hạn)[^:]{0,15}:)",
    re.I,
)


def split_meta(text: str) -> list[tuple[str, str]]:
    """The (key, value) pairs of a per-task line, also when one line holds several
    ("Đơn vị chủ trì: X. Đơn vị phối hợp: Y. Thời gian: Z.")."""
    out = []
    for part in _INLINE.split(text):
        m = META.match(part.strip())
        if m:
            out.append((m.group("key"), m.group("value").strip()))
        elif out:
            out[-1] = (out[-1][0], f"{out[-1][1]} {part.strip()}")
    return out


def meta_field(key: str) -> str:
    """'lead', 'partners', 'deadline' or 'output' for the key of a META line."""
    k = fold(key)
    if "phoi hop" in k:
        return "partners"
    if "chu tri" in k or ("thuc hien" in k and "thoi" not in k and "tien do" not in k):
        return "lead"
    if "ket qua" in k or "san pham" in k:
        return "output"
    return "deadline"


@dataclass
class Node:
    """A numbered heading or item, its own text, the paragraphs under it and its meta lines."""

    kind: str
    label: str
    text: str
    paras: list[Para]
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    meta: list[tuple[str, str, Para]] = field(default_factory=list)
    assignments: list[Para] = field(default_factory=list)
    id: str = ""

    @property
    def line(self) -> int:
        return self.paras[0].line if self.paras else 0

    def walk(self) -> list[Node]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out

    @property
    def is_assignment_heading(self) -> bool:
        """'b) Phân công': its paragraphs say who does the activities of its parent (a part
        "III. PHÂN CÔNG NHIỆM VỤ" is a section of tasks instead)."""
        if self.kind in ("roman", "upper"):
            return False
        return fold(self.text).strip(" .:") in ("phan cong", "phan cong thuc hien", "phan cong nhiem vu")


_BULLETS = ("dash", "plus")
ASSIGNMENT = re.compile(r"\b(?:tiet \(\d+\)|noi dung nay|cac noi dung tren)")


def is_assignment(text: str) -> bool:
    """A paragraph that gives the items above it to units: "... chủ trì ... thực hiện nội dung này"."""
    f = fold(text)
    return bool(ASSIGNMENT.search(f)) and bool(re.search(r"\b(?:chu tri|phoi hop|giao)\b", f))


def build(paras: list[Para]) -> Node:
    """The tree of ``paras`` (no table rows) under a root node."""
    root = Node("root", "", "", [])
    stack: list[Node] = [root]
    last: Node = root
    last_meta: tuple[str, str, Para] | None = None
    counters: dict[tuple[int, str], int] = {}
    for para in paras:
        meta = META.match(para.text)
        if meta and last is not root:
            for key, value in split_meta(para.text):
                entry = (key, value, para)
                last.meta.append(entry)
                last_meta = entry
            continue
        if last_meta and re.match(r"(?:[Kk]ính\s+)?[Đđ]ề nghị\b", para.text) and para.marker is None:
            key, value, first = last_meta
            last.meta[-1] = (key, f"{value} {para.text}", first)
            para.used = True
            last_meta = last.meta[-1]
            continue
        last_meta = None
        marker = para.marker
        if marker is None:
            parent = last if last is not root else root
            if last.is_assignment_heading or (last.parent and last.parent.is_assignment_heading):
                holder = last if last.is_assignment_heading else last.parent
                assert holder is not None
                holder.assignments.append(para)
            elif is_assignment(para.text) and last.parent is not None and last is not root:
                scope = last.parent if not last.children else last
                scope.assignments.append(para)
            else:
                parent.body.append(para)
            continue
        kind, label, text = marker
        if kind == "upper":
            del stack[1:]
        elif kind == "roman":
            while len(stack) > 1 and stack[-1].kind != "upper":
                stack.pop()
        elif kind in [n.kind for n in stack[1:]]:
            while stack[-1].kind != kind:
                stack.pop()
            stack.pop()
        parent = stack[-1]
        if parent.is_assignment_heading:
            parent.assignments.append(para)
            continue
        node = Node(kind, label, text, [para], parent=parent)
        node.id = _child_id(parent, kind, label, counters)
        parent.children.append(node)
        stack.append(node)
        last = node
    return root


def _child_id(parent: Node, kind: str, label: str, counters: dict[tuple[int, str], int]) -> str:
    if kind in _BULLETS:
        key = (id(parent), kind)
        counters[key] = counters.get(key, 0) + 1
        part = ("-" if kind == "dash" else "+") + str(counters[key])
    elif kind == "paren":
        part = f"({label})"
    elif kind == "arabic2":
        # A decimal number holds its path: "1.2" under "1" is "1.2", not "1.1.2".
        prefix = label.rstrip(".").rsplit(".", 1)[0]
        if parent.id == prefix or parent.id.endswith(f".{prefix}"):
            return parent.id[: len(parent.id) - len(prefix)] + label.rstrip(".")
        part = label.rstrip(".")
    else:
        part = label
    return f"{parent.id}.{part}" if parent.id else part
